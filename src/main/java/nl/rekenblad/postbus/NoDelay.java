package nl.rekenblad.postbus;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY: a command and its last bytes leave at once instead of waiting for the server's
 * (delayed) acknowledgement of the previous segment, which costs up to 40 ms a command. STARTTLS upgrades these
 * sockets as usual.
 */
final class NoDelay extends SocketFactory {
    private static Socket nodelay(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        return s;
    }

    @Override
    public Socket createSocket() throws IOException {
        return nodelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return nodelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        return nodelay(new Socket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return nodelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
        return nodelay(new Socket(address, port, local, localPort));
    }
}
