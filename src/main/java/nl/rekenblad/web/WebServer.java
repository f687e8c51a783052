package nl.rekenblad.web;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Regulation;
import nl.rekenblad.api.Source;
import nl.rekenblad.batch.Batch;
import nl.rekenblad.batch.Bijlage;
import nl.rekenblad.batch.Intake;
import nl.rekenblad.batch.Verslag;
import nl.rekenblad.btw.BtwRegulation;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.core.Money;
import nl.rekenblad.core.Problem;
import nl.rekenblad.core.Rechtsvorm;
import nl.rekenblad.internal.io.AmountNotation;
import nl.rekenblad.internal.io.Json;
import nl.rekenblad.kia.KiaRegulation;
import nl.rekenblad.kor.KorRegulation;
import nl.rekenblad.spi.RegulationProvider;
import nl.rekenblad.vu.VuRegulation;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The web page ({@code rekenblad web}): a Dutch page to drop files on, served by Jetty from the jar, and one POST that
 * runs each file through batch's attachment path ({@link Batch#verwerk}: recognition, memory share, time budget) and
 * answers with the figures, the warnings and the workbook and JSON to download. Nothing is kept: uploads are read
 * into memory (a part over 1 MB passes through a temporary folder that is removed when the request ends), and the
 * answer carries the downloads, so the server holds no file after it.
 *
 * <p>Safe by default: bound to 127.0.0.1; another address needs a password (HTTP Basic). Every request's Host must be
 * one this server answers to (no DNS rebinding), and every POST's Origin must be the page's own. The page loads
 * nothing from elsewhere (a strict Content-Security-Policy).
 */
public final class WebServer implements AutoCloseable {
    /** At most this many files (and option fields) per request. */
    static final int MAX_PARTS = 40;
    /** The whole request: a few files of batch's largest size. */
    static final long MAX_REQUEST = 4 * Intake.MAX_BIJLAGE;

    private static final String CSP = "default-src 'self'; img-src 'self' data: blob:; connect-src 'self' blob:;"
            + " object-src 'none';"
            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final Server server;
    private final ServerConnector connector;
    private final String adres;
    private final Optional<String> wachtwoord;
    private final Set<String> namen;
    private final long secondenPerBestand;
    private final ExecutorService jobs;
    private final PrintWriter log;
    private final Path tijdelijk;

    /**
     * @param adres              the address to bind ({@code 127.0.0.1} by default)
     * @param poort              the port; 0 picks a free one ({@link #poort()})
     * @param wachtwoord         required for any address other than loopback
     * @param namen              host names the server also answers to (besides the address and, on loopback,
     *                           {@code localhost})
     * @param secondenPerBestand batch's time budget per file
     * @throws InvalidInputException for another address without a password
     */
    public WebServer(
            String adres,
            int poort,
            Optional<String> wachtwoord,
            List<String> namen,
            long secondenPerBestand,
            PrintWriter log)
            throws InvalidInputException, IOException {
        InetAddress bind = InetAddress.getByName(adres);
        if (!bind.isLoopbackAddress() && wachtwoord.filter(w -> !w.isEmpty()).isEmpty()) {
            throw InvalidInputException.of(
                    "--adres",
                    "op " + adres + " is de pagina van buiten deze computer te bereiken; zet eerst een wachtwoord in"
                            + " REKENBLAD_WEB_WACHTWOORD (of blijf op 127.0.0.1)");
        }
        this.adres = adres;
        this.wachtwoord = bind.isLoopbackAddress() ? Optional.empty() : wachtwoord;
        this.secondenPerBestand = secondenPerBestand;
        this.log = log;
        java.util.Set<String> hosts = new java.util.HashSet<>();
        for (String n : namen) {
            hosts.add(n.toLowerCase(Locale.ROOT));
        }
        hosts.add(hostOf(adres));
        if (bind.isLoopbackAddress()) {
            hosts.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        }
        this.namen = Set.copyOf(hosts);
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("web");
        this.server = new Server(pool);
        this.connector = new ServerConnector(server);
        connector.setHost(adres);
        connector.setPort(poort);
        server.addConnector(connector);
        server.setHandler(new Pagina());
        this.jobs = Executors.newFixedThreadPool(Batch.defaultThreads(), r -> {
            Thread t = new Thread(r, "web-bestand");
            t.setDaemon(true);
            return t;
        });
        this.tijdelijk = Files.createTempDirectory("rekenblad-web");
    }

    private static String hostOf(String address) {
        return address.contains(":") && !address.startsWith("[")
                ? "[" + address + "]"
                : address.toLowerCase(Locale.ROOT);
    }

    /** Starts listening. */
    public void start() throws Exception {
        server.start();
    }

    /** The port it listens on. */
    public int poort() {
        return connector.getLocalPort();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public String url() {
        return "http://" + hostOf(adres) + ":" + poort() + "/";
    }

    /** The folder large uploads pass through; empty between requests. */
    Path tijdelijk() {
        return tijdelijk;
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
            jobs.shutdownNow();
            jobs.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IOException("de server stopt niet" + nl.rekenblad.internal.io.Messages.reason(e), e);
        }
        nl.rekenblad.internal.io.AtomicFiles.removeTree(tijdelijk);
    }

    /** The one handler: checks, then the page, its parts, the templates and the upload. */
    private final class Pagina extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            try {
                veiligheid(response);
                String host = request.getHeaders().get(HttpHeader.HOST);
                if (!hostBekend(host)) {
                    tekst(
                            response,
                            callback,
                            HttpStatus.MISDIRECTED_REQUEST_421,
                            "Onbekende host: deze pagina" + " antwoordt alleen op "
                                    + String.join(", ", namen.stream().sorted().toList()) + ".");
                    return true;
                }
                if (wachtwoord.isPresent() && !aangemeld(request)) {
                    response.getHeaders()
                            .put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"rekenblad\", charset=\"UTF-8\"");
                    tekst(response, callback, HttpStatus.UNAUTHORIZED_401, "Geef het wachtwoord van deze pagina.");
                    return true;
                }
                String pad = Request.getPathInContext(request);
                String methode = request.getMethod();
                if (HttpMethod.POST.is(methode)) {
                    if (!eigenHerkomst(request, host)) {
                        tekst(response, callback, HttpStatus.FORBIDDEN_403, "Verzoek van een andere pagina geweigerd.");
                    } else if (pad.equals("/verwerk")) {
                        verwerk(request, response, callback);
                    } else {
                        tekst(response, callback, HttpStatus.NOT_FOUND_404, "Niet gevonden: " + pad);
                    }
                    return true;
                }
                if (!HttpMethod.GET.is(methode) && !HttpMethod.HEAD.is(methode)) {
                    response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
                    tekst(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Methode niet toegestaan.");
                    return true;
                }
                switch (pad) {
                    case "/", "/index.html" ->
                        bytes(
                                response,
                                callback,
                                "text/html; charset=utf-8",
                                pagina().getBytes(StandardCharsets.UTF_8));
                    case "/stijl.css" -> bytes(response, callback, "text/css; charset=utf-8", bron("stijl.css"));
                    case "/app.js" -> bytes(response, callback, "text/javascript; charset=utf-8", bron("app.js"));
                    case "/favicon.ico" -> tekst(response, callback, HttpStatus.NOT_FOUND_404, "");
                    default -> {
                        if (pad.startsWith("/sjabloon/")) {
                            sjabloon(pad.substring("/sjabloon/".length()), response, callback);
                        } else {
                            tekst(response, callback, HttpStatus.NOT_FOUND_404, "Niet gevonden: " + pad);
                        }
                    }
                }
                return true;
            } catch (Exception | StackOverflowError e) {
                Response.writeError(request, response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "interne fout");
                return true;
            }
        }
    }

    private static void veiligheid(Response response) {
        var h = response.getHeaders();
        h.put("Content-Security-Policy", CSP);
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Frame-Options", "DENY");
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
    }

    /** Whether the Host header names this server (with or without its port): no answers to a rebound DNS name. */
    boolean hostBekend(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        String poortDeel = ":" + poort();
        if (h.endsWith(poortDeel)) {
            h = h.substring(0, h.length() - poortDeel.length());
        }
        return namen.contains(h);
    }

    /** A POST's Origin must be this page's own (a browser sends it with every POST). */
    private static boolean eigenHerkomst(Request request, String host) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        return origin != null && origin.equalsIgnoreCase("http://" + host);
    }

    private boolean aangemeld(Request request) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        String given = colon < 0 ? decoded : decoded.substring(colon + 1);
        return MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), wachtwoord.get().getBytes(StandardCharsets.UTF_8));
    }

    private static void tekst(Response response, Callback callback, int status, String tekst) {
        response.setStatus(status);
        bytes(response, callback, "text/plain; charset=utf-8", tekst.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(Response response, Callback callback, int status, Object value) {
        response.setStatus(status);
        bytes(
                response,
                callback,
                "application/json; charset=utf-8",
                Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(Response response, Callback callback, String type, byte[] body) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] bron(String naam) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream(naam)) {
            if (in == null) {
                throw new IOException("ontbreekt in de jar: " + naam);
            }
            return in.readAllBytes();
        }
    }

    /** The page, with the lists that follow from the registry (templates, what it accepts, legal forms). */
    private static String pagina() throws IOException {
        String html = new String(bron("index.html"), StandardCharsets.UTF_8);
        StringBuilder sjablonen = new StringBuilder();
        for (RegulationProvider r : Rekenblad.providers()) {
            if (r.templateName().isPresent()) {
                sjablonen
                        .append("<li><a href=\"/sjabloon/")
                        .append(esc(r.name()))
                        .append("\" download=\"")
                        .append(esc(r.templateName().get()))
                        .append("\">")
                        .append(esc(r.title()))
                        .append("</a> <span class=\"klein\">(")
                        .append(esc(r.templateName().get()))
                        .append(")</span></li>");
            }
        }
        StringBuilder neemtAan = new StringBuilder();
        for (Regulation r : Rekenblad.regulations()) {
            r.invoerOmschrijving()
                    .ifPresent(o -> neemtAan.append("<li>").append(esc(o)).append("</li>"));
        }
        StringBuilder vormen = new StringBuilder();
        for (Rechtsvorm v : Rechtsvorm.values()) {
            vormen.append("<option value=\"")
                    .append(esc(v.word()))
                    .append(v == Rechtsvorm.STANDAARD ? "\" selected>" : "\">")
                    .append(esc(v.word()))
                    .append("</option>");
        }
        return html.replace("<!--sjablonen-->", sjablonen)
                .replace("<!--neemt-aan-->", neemtAan)
                .replace("<!--rechtsvormen-->", vormen);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void sjabloon(String naam, Response response, Callback callback) throws IOException {
        Optional<RegulationProvider> r = Rekenblad.providers().stream()
                .filter(p -> p.name().equals(naam) && p.templateName().isPresent())
                .findFirst();
        if (r.isEmpty()) {
            tekst(response, callback, HttpStatus.NOT_FOUND_404, "Geen sjabloon \"" + naam + "\".");
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        r.get().writeTemplate(out, Options.defaults());
        response.getHeaders()
                .put(
                        HttpHeader.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + r.get().templateName().get() + "\"");
        bytes(response, callback, XLSX, out.toByteArray());
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The upload: options first, then each file through batch's one path, side by side within the time budget. */
    private void verwerk(Request request, Response response, Callback callback) throws Exception {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            json(
                    response,
                    callback,
                    HttpStatus.BAD_REQUEST_400,
                    Map.of("fout", "verwacht bestanden (multipart/form-data)"));
            return;
        }
        long lengte = request.getLength();
        if (lengte > MAX_REQUEST) {
            json(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, Map.of("fout", te("de upload", lengte)));
            return;
        }
        Path map = Files.createTempDirectory(tijdelijk, "upload");
        MultiPartConfig config = new MultiPartConfig.Builder()
                .location(map)
                .maxParts(MAX_PARTS)
                .maxPartSize(Intake.MAX_BIJLAGE)
                .maxSize(MAX_REQUEST)
                .maxMemoryPartSize(1 << 20)
                .build();
        List<Map<String, Object>> uit = new ArrayList<>();
        long begin = System.nanoTime();
        try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(request, request, type, config)) {
            Options opties;
            try {
                opties = opties(parts);
            } catch (InvalidInputException e) {
                json(response, callback, HttpStatus.BAD_REQUEST_400, Map.of("fout", e.getMessage()));
                return;
            }
            List<Bijlage> bijlagen = new ArrayList<>();
            for (MultiPart.Part p : parts.getAll("bestand")) {
                if (p.getFileName() == null || p.getFileName().isEmpty()) {
                    continue;
                }
                bijlagen.add(Bijlage.upload(p.getFileName(), inhoud(p)));
            }
            if (bijlagen.isEmpty()) {
                json(response, callback, HttpStatus.BAD_REQUEST_400, Map.of("fout", "geen bestand gekozen"));
                return;
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(secondenPerBestand) * bijlagen.size();
            List<Future<Batch.Verwerkt>> futures = new ArrayList<>();
            for (Bijlage b : bijlagen) {
                futures.add(jobs.submit(() -> Batch.verwerk(b, new Batch.Bestemming.Geheugen(), opties)));
            }
            for (int i = 0; i < bijlagen.size(); i++) {
                Batch.Verwerkt v = Batch.binnen(futures.get(i), bijlagen.get(i), deadline, secondenPerBestand);
                uit.add(bestand(v));
            }
        } catch (RuntimeException | IOException e) {
            // Jetty's parser refuses a part or request over its limits, a broken body or too many parts.
            json(response, callback, HttpStatus.BAD_REQUEST_400, Map.of("fout", "upload niet te lezen" + reden(e)));
            return;
        } finally {
            nl.rekenblad.internal.io.AtomicFiles.removeTree(map);
        }
        for (Map<String, Object> b : uit) {
            log.printf("web: %s: %s%n", b.get("naam"), b.get("status"));
        }
        log.flush();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("bestanden", uit);
        body.put("millis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        json(response, callback, HttpStatus.OK_200, body);
    }

    private static String reden(Exception e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("max") && (m.contains("size") || m.contains("length"))) {
            return ": een bestand of de hele upload is te groot (ten hoogste " + Intake.MAX_BIJLAGE / (1024 * 1024)
                    + " MB per bestand)";
        }
        if (m.contains("parts")) {
            return ": te veel bestanden tegelijk (ten hoogste " + MAX_PARTS + ")";
        }
        return "";
    }

    private static String te(String wat, long bytes) {
        return wat + " is te groot (" + bytes + " bytes; ten hoogste " + MAX_REQUEST + ")";
    }

    private static byte[] inhoud(MultiPart.Part p) throws IOException {
        try (InputStream in = Content.Source.asInputStream(p.createContentSource())) {
            return in.readAllBytes();
        }
    }

    /** The options the page offers, typed as the command line's; a side file as a {@link Source} from memory. */
    static Options opties(MultiPartFormData.Parts parts) throws InvalidInputException, IOException {
        Options.Builder o = Options.builder();
        String vorm = veld(parts, "rechtsvorm");
        if (!vorm.isEmpty()) {
            o.set(
                    Options.RECHTSVORM,
                    Rechtsvorm.of(vorm)
                            .orElseThrow(() -> InvalidInputException.of(
                                    "rechtsvorm",
                                    "onbekende rechtsvorm \"" + vorm + "\"; verwacht een van: " + Rechtsvorm.words())));
        }
        String omzet = veld(parts, "omzetVorigJaar");
        if (!omzet.isEmpty()) {
            try {
                o.set(KorRegulation.OMZET_VORIG_JAAR, Money.of(AmountNotation.parseTyped(omzet)));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("omzet vorig jaar", e.getMessage());
            }
        }
        o.set(BtwRegulation.KOR, !veld(parts, "kor").isEmpty());
        String aandeel = veld(parts, "aandeel");
        if (!aandeel.isEmpty()) {
            try {
                o.set(KiaRegulation.AANDEEL, AmountNotation.parseTyped(aandeel));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("aandeel", e.getMessage());
            }
        }
        zijbestand(parts, "btwcodes").ifPresent(s -> o.set(BtwRegulation.BTWCODES, s));
        zijbestand(parts, "rekeningen").ifPresent(s -> o.set(BtwRegulation.REKENINGEN, s));
        zijbestand(parts, "kolommen").ifPresent(s -> o.set(BtwRegulation.KOLOMMEN, s));
        zijbestand(parts, "wagens").ifPresent(s -> o.set(VuRegulation.WAGENS, s));
        return o.build();
    }

    private static String veld(MultiPartFormData.Parts parts, String naam) {
        MultiPart.Part p = parts.getFirst(naam);
        return p == null || p.getFileName() != null
                ? ""
                : p.getContentAsString(StandardCharsets.UTF_8).strip();
    }

    private static Optional<Source> zijbestand(MultiPartFormData.Parts parts, String naam) throws IOException {
        MultiPart.Part p = parts.getFirst(naam);
        if (p == null || p.getFileName() == null || p.getFileName().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Source.of(p.getFileName(), inhoud(p)));
    }

    /** One file's answer: what it was, its figures in Dutch, its warnings and errors by kind, its downloads. */
    static Map<String, Object> bestand(Batch.Verwerkt v) {
        Verslag s = v.verslag();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("naam", s.bijlage() == null ? s.bron() : s.bijlage());
        m.put("status", s.status().word());
        m.put("soort", s.soort());
        m.put(
                "titel",
                s.soort() == null ? null : Rekenblad.regulation(s.soort()).title());
        List<Map<String, String>> cijfers = new ArrayList<>();
        s.cijfers().forEach((k, w) -> cijfers.add(Map.of("naam", Verslag.woorden(k), "waarde", Verslag.waarde(w))));
        m.put("cijfers", cijfers);
        List<String> waarschuwingen = new ArrayList<>();
        List<String> aansluiting = new ArrayList<>();
        List<String> fouten = new ArrayList<>();
        for (Problem p : v.problemen()) {
            if (p.isError()) {
                fouten.add(p.toString());
            } else if (p.soort() == Problem.Soort.AANSLUITING) {
                aansluiting.add(p.toString());
            } else {
                waarschuwingen.add(p.toString());
            }
        }
        if (fouten.isEmpty() && s.status() == Verslag.Status.FOUT) {
            fouten.add(s.melding());
        }
        m.put("melding", s.status() == Verslag.Status.NIET_HERKEND ? s.melding() : null);
        m.put("waarschuwingen", waarschuwingen);
        m.put("aansluiting", aansluiting);
        m.put("fouten", fouten);
        if (v.werkboek().isPresent()) {
            m.put(
                    "werkboek",
                    Map.of(
                            "naam", v.bestandsnaam(),
                            "base64",
                                    Base64.getEncoder()
                                            .encodeToString(v.werkboek().get())));
        }
        v.json()
                .ifPresent(j ->
                        m.put("json", Map.of("naam", v.bestandsnaam().replaceFirst("\\.xlsx$", ".json"), "tekst", j)));
        return m;
    }
}
