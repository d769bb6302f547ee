package cn.wildlife.inspection.results;

import cn.wildlife.inspection.results.domain.ResultsTable;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON rows of the results table key their numbers by column code; partners need each code's header as the xlsx
 * and CSV exports print it (the 成果表 as agencies file it), so the document lists every column with its Chinese
 * header.
 */
@Configuration(proxyBeanMethods = false)
class ResultsDocumentation {

    @Bean
    OpenApiCustomizer resultsColumns() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Schema<?> row = openApi.getComponents().getSchemas().get("ResultsTableRow");
            if (row == null
                    || row.getProperties() == null
                    || !row.getProperties().containsKey("values")) {
                return;
            }
            StringBuilder table = new StringBuilder("One region's row of the results table (成果表). Columns, "
                    + "as the xlsx and CSV exports head them: region 行政区划代码, level 层级 (PROVINCE 省, CITY 市, "
                    + "COUNTY 县（市、区）)");
            ObjectSchema values = new ObjectSchema();
            ObjectSchema sources = new ObjectSchema();
            for (ResultsTable.Column column : ResultsTable.Column.values()) {
                table.append(", ").append(column.name()).append(' ').append(column.header());
                values.addProperty(
                        column.name(), new NumberSchema().title(column.header()).description(column.header()));
                values.addRequiredItem(column.name());
                sources.addProperty(
                        column.name(),
                        new ArraySchema()
                                .items(new StringSchema())
                                .title(column.header())
                                .description("the records behind " + column.header()));
            }
            row.description(table.append('.').toString());
            row.getProperties()
                    .put("values", values.description("Each column's total, by column code (表头见" + "各列 title)"));
            row.getProperties()
                    .put(
                            "sources",
                            sources.description("With sources=true: the records behind "
                                    + "each number, by column code; empty without"));
        };
    }
}
