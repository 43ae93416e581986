package dev.strata.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One blocking HTTP/1.1 keep-alive connection that POSTs JSON to {@code /graphql}: a load client that costs a few
 * microseconds a request, so a benchmark's CPU per operation is the server's (the JDK client's selector and executor
 * threads cost about as much as a cheap request does). Reads {@code Content-Length} and chunked answers.
 */
final class KeepAliveConnection implements AutoCloseable {

    /** A response's status and body. */
    record Response(int status, String body) {
    }

    private static final int MAX_BODY = 1 << 20;
    private static final int MAX_LINE = 8192;

    private final String host;
    private final int port;
    /** Extra header lines (each ending in CRLF), such as a bearer token; empty for public calls. */
    private final String headers;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(String host, int port) {
        this(host, port, null);
    }

    /** A connection whose requests carry {@code Authorization: Bearer <token>} (none when null). */
    KeepAliveConnection(String host, int port, String bearerToken) {
        this.host = host;
        this.port = port;
        this.headers = bearerToken == null ? "" : "Authorization: Bearer " + bearerToken + "\r\n";
    }

    /** Posts a JSON body; reconnects once if the server had closed the kept-alive connection. */
    Response post(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\n" + headers + "Content-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        boolean fresh = socket == null;
        try {
            return exchange(head, body);
        } catch (IOException e) {
            close();
            if (fresh) {
                throw e;
            }
            return exchange(head, body);
        }
    }

    private Response exchange(byte[] head, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        out.write(request);
        out.flush();
        String status = line();
        if (status.length() < 12 || !status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 status line");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closing = value.equalsIgnoreCase("close");
            }
        }
        String text = chunked ? chunkedBody() : new String(exactly(Math.max(0, length)), StandardCharsets.UTF_8);
        if (closing) {
            close();
        }
        return new Response(code, text);
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (!line().isEmpty()) {
                    // trailers, none expected
                }
                return all.toString(StandardCharsets.UTF_8);
            }
            if (all.size() + n > MAX_BODY) {
                throw new IOException("response body over " + MAX_BODY + " bytes");
            }
            all.write(exactly(n));
            line();
        }
    }

    private byte[] exactly(int n) throws IOException {
        if (n > MAX_BODY) {
            throw new IOException("response body over " + MAX_BODY + " bytes");
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new IOException("connection closed mid-response");
        }
        return bytes;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IOException("response line over " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a socket that is already gone
            }
            socket = null;
        }
    }
}
