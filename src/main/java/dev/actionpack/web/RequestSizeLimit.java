package dev.actionpack.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No partner API request body is larger than {@link #MAX_BYTES} (R23), no admin API body larger
 * than its own limit (a CSV import is bigger than any JSON request): one declared larger is
 * answered 413 before it is read, and one sent without a length (chunked) stops being read
 * there. Not a bean: each API's filter chain adds it.
 */
public final class RequestSizeLimit extends OncePerRequestFilter {

  static final int MAX_BYTES = 64 * 1024;

  private final ObjectMapper json;
  private final long maxBytes;

  /** The partner API's limit, {@link #MAX_BYTES}. */
  public RequestSizeLimit(ObjectMapper json) {
    this(json, MAX_BYTES);
  }

  public RequestSizeLimit(ObjectMapper json, long maxBytes) {
    this.json = json;
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      tooLarge(maxBytes).write(response, json);
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }

  static ApiProblem tooLarge(long maxBytes) {
    return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large",
        "A request body may have at most " + maxBytes / 1024 + " KB.");
  }

  /** The body, read no further than the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long maxBytes;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream body = super.getInputStream();
        stream = new ServletInputStream() {
          private long read;

          @Override
          public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
              count(1);
            }
            return next;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) {
              count(n);
            }
            return n;
          }

          private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > maxBytes) {
              throw new BodyTooLarge(maxBytes);
            }
          }

          @Override
          public boolean isFinished() {
            return body.isFinished();
          }

          @Override
          public boolean isReady() {
            return body.isReady();
          }

          @Override
          public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
          }
        };
      }
      return stream;
    }
  }

  /** Thrown while reading a body past the limit; the API answers 413. */
  static final class BodyTooLarge extends IOException {

    private final long maxBytes;

    BodyTooLarge(long maxBytes) {
      super("request body larger than " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }

    long maxBytes() {
      return maxBytes;
    }
  }
}
