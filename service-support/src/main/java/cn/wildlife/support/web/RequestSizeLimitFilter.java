package cn.wildlife.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 before anything reads them: by Content-Length when it is sent,
 * by counting when the body is chunked. Also puts the gateway's request id into every log line of the request.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private final long maxBytes;
    private final Texts texts;

    public RequestSizeLimitFilter(long maxBytes, Texts texts) {
        this.maxBytes = maxBytes;
        this.texts = texts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(REQUEST_ID);
        if (isRequestId(requestId)) {
            MDC.put("requestId", requestId);
            response.setHeader(REQUEST_ID, requestId);
        }
        try {
            if (request.getContentLengthLong() > maxBytes) {
                tooLarge(request, response);
                return;
            }
            chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBytes) : request, response);
        } finally {
            MDC.remove("requestId");
        }
    }

    /** The caller's request id, if sane (as the gateway judges it); compiled once, not for every request. */
    static boolean isRequestId(String value) {
        return value != null && SANE_ID.matcher(value).matches();
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"" + ProblemDetailsAdvice.TYPE_PREFIX + "too-large\",\"title\":\""
                        + texts.get(request.getLocale(), "too-large.title")
                        + "\",\"status\":413,\"detail\":\""
                        + texts.get(request.getLocale(), "too-large.detail", String.valueOf(maxBytes))
                        + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
    }

    /** A chunked body, cut off with an error once it passes the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > maxBytes) {
                        throw new PayloadTooLargeException(maxBytes);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > maxBytes) {
                        throw new PayloadTooLargeException(maxBytes);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }

    /** A chunked body went over the limit while being read. */
    public static class PayloadTooLargeException extends IOException {
        public PayloadTooLargeException(long maxBytes) {
            super("the body exceeds " + maxBytes + " bytes");
        }
    }
}
