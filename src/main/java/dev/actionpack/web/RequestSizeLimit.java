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
 * No partner API request body is larger than {@link #MAX_BYTES} (R23): one declared larger is
 * answered 413 before it is read, and one sent without a length (chunked) stops being read
 * there. Not a bean: the partner API's filter chain adds it.
 */
public final class RequestSizeLimit extends OncePerRequestFilter {

  static final int MAX_BYTES = 64 * 1024;

  private final ObjectMapper json;

  public RequestSizeLimit(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      tooLarge().write(response, json);
      return;
    }
    chain.doFilter(new Limited(request), response);
  }

  static ApiProblem tooLarge() {
    return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large",
        "A request body may have at most " + MAX_BYTES / 1024 + " KB.");
  }

  /** The body, read no further than the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    private ServletInputStream stream;

    Limited(HttpServletRequest request) {
      super(request);
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
            if (read > MAX_BYTES) {
              throw new BodyTooLarge();
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

    BodyTooLarge() {
      super("request body larger than " + MAX_BYTES + " bytes");
    }
  }
}
