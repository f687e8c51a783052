package nl.rekenblad.testing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * An SMTP receiver of a few lines for tests with a real IMAP server: it takes any login, and a message is delivered
 * (by {@code bezorg}, for each recipient) after its final "." and before the "250" that accepts it, as a real server
 * stores mail before it says so. A connection dropped during DATA delivers nothing.
 */
public final class Smtp implements AutoCloseable {
    /** One delivered message: its recipient and its bytes. */
    public record Bericht(String aan, byte[] inhoud) {}

    private final ServerSocket server;
    private final List<Bericht> ontvangen = new CopyOnWriteArrayList<>();

    /** Starts on a free loopback port; {@code bezorg} is called per recipient (in the server's thread). */
    public Smtp(BiConsumer<String, byte[]> bezorg) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket s = server.accept();
                            Thread c = new Thread(() -> sessie(s, bezorg), "smtp-sessie");
                            c.setDaemon(true);
                            c.start();
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "smtp");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Everything delivered so far. */
    public List<Bericht> ontvangen() {
        return List.copyOf(ontvangen);
    }

    private void sessie(Socket s, BiConsumer<String, byte[]> bezorg) {
        try (s;
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                PrintWriter out = new PrintWriter(s.getOutputStream(), false, StandardCharsets.ISO_8859_1)) {
            reply(out, "220 test ESMTP");
            List<String> aan = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String cmd = line.toUpperCase(Locale.ROOT);
                if (cmd.startsWith("EHLO")) {
                    reply(out, "250-test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME");
                } else if (cmd.startsWith("HELO")) {
                    reply(out, "250 test");
                } else if (cmd.startsWith("AUTH LOGIN")) {
                    reply(out, "334 VXNlcm5hbWU6");
                    in.readLine();
                    reply(out, "334 UGFzc3dvcmQ6");
                    in.readLine();
                    reply(out, "235 2.7.0 ok");
                } else if (cmd.startsWith("AUTH")) {
                    if (cmd.trim().equals("AUTH PLAIN")) {
                        reply(out, "334 ");
                        in.readLine();
                    }
                    reply(out, "235 2.7.0 ok");
                } else if (cmd.startsWith("MAIL FROM")) {
                    aan.clear();
                    reply(out, "250 ok");
                } else if (cmd.startsWith("RCPT TO")) {
                    aan.add(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'))
                            .toLowerCase(Locale.ROOT));
                    reply(out, "250 ok");
                } else if (cmd.equals("DATA")) {
                    reply(out, "354 go");
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    String d;
                    boolean klaar = false;
                    while ((d = in.readLine()) != null) {
                        if (d.equals(".")) {
                            klaar = true;
                            break;
                        }
                        data.writeBytes(
                                (d.startsWith("..") ? d.substring(1) : d).getBytes(StandardCharsets.ISO_8859_1));
                        data.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    if (!klaar) {
                        return; // dropped during DATA: nothing delivered
                    }
                    for (String a : aan) {
                        bezorg.accept(a, data.toByteArray());
                        ontvangen.add(new Bericht(a, data.toByteArray()));
                    }
                    reply(out, "250 2.0.0 queued");
                } else if (cmd.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(PrintWriter out, String text) {
        out.print(text + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
