package cn.wildlife.support.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoBulkWriteException;

/** Small facts about MongoDB errors that every store needs. */
public final class MongoSupport {

    private MongoSupport() {
    }

    /** A unique-index violation (code 11000): the effect is already there. */
    public static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        if (e instanceof MongoBulkWriteException bulk) {
            return bulk.getWriteErrors().stream()
                    .allMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
        }
        return e.getCode() == 11000;
    }
}
