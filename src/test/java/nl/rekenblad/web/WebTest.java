package nl.rekenblad.web;

import nl.rekenblad.Rekenblad;
import nl.rekenblad.api.Options;
import nl.rekenblad.api.Outcome;
import nl.rekenblad.api.Source;
import nl.rekenblad.batch.Verslag;
import nl.rekenblad.btw.BtwRegulation;
import nl.rekenblad.core.InvalidInputException;
import nl.rekenblad.testing.Wacht;
import nl.rekenblad.vu.VuRegulation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24: the web page in a real browser. The server is started here; Debian's headless Chromium is driven through
 * Selenium (`.ci/run` installs chromium and chromium-driver). Each sample is uploaded and its figures read from the
 * page, against what the library computes for the same file; the workbook behind the download link is opened with POI.
 * Screenshots for the guide are written to target/afbeeldingen (with -Dafbeeldingen=bijwerken to docs/afbeeldingen).
 */
@Tag("langzaam")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebTest {
    private static final Path SAMPLES = Path.of("samples").toAbsolutePath();

    private WebServer server;
    private ChromeDriver browser;
    private final StringWriter log = new StringWriter();

    private Path tmp;

    @BeforeAll
    void start() throws Exception {
        tmp = Files.createTempDirectory("webtest");
        server = new WebServer("127.0.0.1", 0, Optional.empty(), List.of(), 60, new PrintWriter(log, true));
        server.start();
        browser = chromium(tmp.resolve("profiel"));
    }

    static ChromeDriver chromium(Path profiel) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1100,1400",
                "--lang=nl-NL",
                "--user-data-dir=" + profiel);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, o);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        nl.rekenblad.internal.io.AtomicFiles.removeTree(tmp);
    }

    /** Uploads {@code files} (and side files by field) and waits until the page shows an answer for each. */
    private List<WebElement> upload(ChromeDriver b, Map<String, Path> zij, Path... files) {
        b.get(server.url());
        WebElement input = b.findElement(By.id("bestanden"));
        input.sendKeys(String.join(
                "\n", java.util.Arrays.stream(files).map(Path::toString).toList()));
        if (!zij.isEmpty()) {
            b.findElement(By.tagName("summary")).click();
            zij.forEach((veld, pad) -> b.findElement(By.id(veld)).sendKeys(pad.toString()));
        }
        b.findElement(By.id("bereken")).click();
        Wacht.tot(
                () -> b.findElements(By.cssSelector("#lijst article")).size() == files.length,
                Duration.ofSeconds(60),
                "het antwoord op de pagina");
        return b.findElements(By.cssSelector("#lijst article"));
    }

    /** The figures as the page shows them: name → value. */
    private static Map<String, String> cijfers(WebElement article) {
        Map<String, String> m = new LinkedHashMap<>();
        List<WebElement> dt = article.findElements(By.cssSelector("dl.cijfers dt"));
        List<WebElement> dd = article.findElements(By.cssSelector("dl.cijfers dd"));
        for (int i = 0; i < dt.size(); i++) {
            m.put(dt.get(i).getText(), dd.get(i).getText());
        }
        return m;
    }

    /** The figures the library computes for the same file, worded as the page words them. */
    private static Map<String, String> verwacht(Path sample, Options options) throws Exception {
        Source s = Source.of(sample);
        try (Outcome<?> o = Rekenblad.recognise(s).orElseThrow().run(s, options)) {
            Map<String, String> m = new LinkedHashMap<>();
            o.figures().forEach((k, v) -> m.put(Verslag.woorden(k), Verslag.waarde(v)));
            return m;
        }
    }

    /** The bytes behind a download link (a blob: URL the page made), fetched in the page itself. */
    private static byte[] download(ChromeDriver b, WebElement link) {
        Object base64 = ((JavascriptExecutor) b)
                .executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(buf => {"
                                + "  let s = ''; const u = new Uint8Array(buf);"
                                + "  for (let i = 0; i < u.length; i++) { s += String.fromCharCode(u[i]); }"
                                + "  done(btoa(s)); }).catch(e => done('FOUT ' + e));",
                        link.getAttribute("href"));
        assertFalse(((String) base64).startsWith("FOUT"), (String) base64);
        return Base64.getDecoder().decode((String) base64);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kor-2017-voorbeeld-2.csv",
                "kor-2017-voorbeeld-1.xlsx",
                "kor-2025-vrijstelling.csv",
                "kia-2024-2025-register.csv",
                "btw-2025-journaal.csv",
                "auditfile-2025.xaf"
            })
    void eachSampleShowsTheLibrarysFiguresAndAWorkbookPoiOpens(String sample) throws Exception {
        WebElement a = upload(browser, Map.of(), SAMPLES.resolve(sample)).get(0);
        assertEquals(sample, a.getAttribute("data-naam"));
        assertTrue(a.findElement(By.cssSelector(".herkend")).getText().startsWith("Herkend als "), a.getText());
        Map<String, String> shown = cijfers(a);
        assertFalse(shown.isEmpty(), a.getText());
        assertEquals(
                verwacht(
                        SAMPLES.resolve(sample),
                        Options.builder().set(BtwRegulation.KOR, false).build()),
                shown);
        WebElement werkboek = a.findElement(By.cssSelector(".downloads a[download$='.xlsx']"));
        byte[] xlsx = download(browser, werkboek);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertTrue(wb.getNumberOfSheets() > 1);
            Source bron = Source.of(SAMPLES.resolve(sample));
            try (Outcome<?> o = Rekenblad.recognise(bron).orElseThrow().run(bron, Options.defaults())) {
                for (String naam : o.namedResults().keySet()) {
                    assertNotNull(wb.getName(naam), sample + " names " + naam);
                }
            }
        }
        WebElement json = a.findElement(By.cssSelector(".downloads a[download$='.json']"));
        assertTrue(new String(download(browser, json), StandardCharsets.UTF_8)
                .trim()
                .startsWith("{"));
    }

    @Test
    void optionsReachTheRegulationAndSideFilesComeFromTheUpload() throws Exception {
        browser.get(server.url());
        browser.findElement(By.tagName("summary")).click();
        browser.findElement(By.id("kor")).click();
        WebElement input = browser.findElement(By.id("bestanden"));
        input.sendKeys(SAMPLES.resolve("btw-2025-journaal.csv").toString());
        browser.findElement(By.id("bereken")).click();
        Wacht.tot(
                () -> !browser.findElements(By.cssSelector("#lijst article")).isEmpty(),
                Duration.ofSeconds(60),
                "het antwoord op de pagina");
        WebElement a = browser.findElement(By.cssSelector("#lijst article"));
        byte[] xlsx = download(browser, a.findElement(By.cssSelector(".downloads a[download$='.xlsx']")));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertNotNull(wb.getName("KOR_Omzet"), "btw with the KOR checkbox adds the KOR jaaropstelling");
        }
        // The cars of the VU come as a second upload, not from a folder on the server.
        WebElement vu = upload(
                        browser,
                        Map.of("wagens", SAMPLES.resolve("vu-2026-wagens.csv")),
                        SAMPLES.resolve("vu-2026.csv"))
                .get(0);
        assertEquals(
                verwacht(
                        SAMPLES.resolve("vu-2026.csv"),
                        Options.builder()
                                .set(VuRegulation.WAGENS, Source.of(SAMPLES.resolve("vu-2026-wagens.csv")))
                                .build()),
                cijfers(vu),
                vu.getText());
    }

    @Test
    void aBrokenFileShowsTheDutchMessageWithFileAndLine() throws Exception {
        Path fout = Files.writeString(tmp.resolve("fout.csv"), "periode,rubriek,omzet,btw\n2017-Q1,1q,100,21\n");
        Path onbekend = Files.writeString(tmp.resolve("brief.txt"), "Beste boekhouder,\n");
        List<WebElement> a = upload(browser, Map.of(), fout, onbekend);
        WebElement eerste = a.get(0);
        assertTrue(eerste.getAttribute("class").contains("fout"), eerste.getAttribute("class"));
        String melding = eerste.findElement(By.cssSelector("ul.fouten li")).getText();
        assertEquals(
                "fout.csv › regel 2: onbekende rubriek \"1q\"; verwacht een van: 1a 1b 1c 1d 1e 2a 3a 3b 3c 4a 4b 5b",
                melding);
        assertTrue(eerste.findElements(By.cssSelector(".downloads a")).isEmpty(), "no workbook for a broken file");
        assertTrue(
                a.get(1).getAttribute("class").contains("niet-herkend"),
                a.get(1).getAttribute("class"));
        assertTrue(
                a.get(1).getText().contains("niet herkend")
                        || a.get(1).getText().contains("herkend"),
                a.get(1).getText());
    }

    @Test
    void anUnexplainedAansluitingCannotBeMissed() throws Exception {
        Path xaf = tmp.resolve("onverklaard.xaf");
        Files.write(xaf, nl.rekenblad.btw.Auditfiles.onverklaard());
        WebElement a = upload(browser, Map.of(), xaf).get(0);
        WebElement box = a.findElement(By.cssSelector(".aansluiting[role=alert]"));
        assertTrue(box.getText().contains("niet verklaard"), box.getText());
        assertTrue(a.getAttribute("class").contains("waarschuwing"));
    }

    @Test
    void twoUploadsAtOnceInTwoTabsDoNotStopEachOther() throws Exception {
        String eerste = browser.getWindowHandle();
        browser.get(server.url());
        browser.findElement(By.id("bestanden"))
                .sendKeys(SAMPLES.resolve("kia-2024-2025-register.xlsx").toString());
        browser.switchTo().newWindow(WindowType.TAB);
        String tweede = browser.getWindowHandle();
        browser.get(server.url());
        browser.findElement(By.id("bestanden"))
                .sendKeys(SAMPLES.resolve("auditfile-2025.xaf").toString());
        browser.switchTo().window(eerste);
        browser.findElement(By.id("bereken")).click();
        browser.switchTo().window(tweede);
        browser.findElement(By.id("bereken")).click();
        for (String tab : List.of(eerste, tweede)) {
            browser.switchTo().window(tab);
            Wacht.tot(
                    () -> !browser.findElements(By.cssSelector("#lijst article"))
                            .isEmpty(),
                    Duration.ofSeconds(60),
                    "het antwoord in tab " + tab);
            assertFalse(cijfers(browser.findElement(By.cssSelector("#lijst article")))
                    .isEmpty());
        }
        browser.close();
        browser.switchTo().window(eerste);
        // And four clients at the same moment, outside the browser.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<String>>> f = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                f.add(pool.submit((Callable<HttpResponse<String>>) () -> post(
                        server.url(),
                        "kor-2017-voorbeeld-2.csv",
                        Files.readAllBytes(SAMPLES.resolve("kor-2017-voorbeeld-2.csv")))));
            }
            for (Future<HttpResponse<String>> r : f) {
                assertEquals(200, r.get().statusCode(), r.get().body());
                assertTrue(
                        r.get().body().contains("\"status\": \"ok\""), r.get().body());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePageLoadsNothingFromElsewhereAndIsLabelled() throws Exception {
        browser.get(server.url());
        String html = browser.getPageSource();
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "no external scripts, styles or fonts");
        for (WebElement input : browser.findElements(By.cssSelector("input, select"))) {
            String id = input.getAttribute("id");
            assertFalse(
                    browser.findElements(By.cssSelector("label[for='" + id + "']"))
                            .isEmpty(),
                    "a label for " + id);
        }
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(server.url())).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").startsWith("default-src 'self'"));
        // Every template the registry has can be downloaded and opened.
        for (String naam : List.of("kor", "kia", "winst", "vu")) {
            HttpResponse<byte[]> t = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(server.url() + "sjabloon/" + naam))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, t.statusCode(), naam);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(t.body()))) {
                assertTrue(wb.getNumberOfSheets() > 0, naam);
            }
        }
    }

    @Test
    void screenshotsForTheGuide() throws Exception {
        Path map = "bijwerken".equals(System.getProperty("afbeeldingen"))
                ? Path.of("docs/afbeeldingen")
                : Path.of("target/afbeeldingen");
        Files.createDirectories(map);
        browser.get(server.url());
        Files.write(map.resolve("web-leeg.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        upload(browser, Map.of(), SAMPLES.resolve("kor-2017-voorbeeld-2.csv"), SAMPLES.resolve("auditfile-2025.xaf"));
        Files.write(map.resolve("web-resultaat.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertTrue(Files.size(map.resolve("web-resultaat.png")) > 10_000);
    }

    @Test
    void nothingIsKeptAfterTheAnswer() throws Exception {
        post(server.url(), "kor-2017-voorbeeld-2.csv", Files.readAllBytes(SAMPLES.resolve("kor-2017-voorbeeld-2.csv")));
        byte[] groot = new byte[3 << 20]; // over the 1 MB kept in memory: it passes through the temporary folder
        java.util.Arrays.fill(groot, (byte) 'x');
        post(server.url(), "groot.csv", groot);
        try (var s = Files.walk(server.tijdelijk())) {
            assertEquals(List.of(server.tijdelijk()), s.toList(), "no upload left behind");
        }
    }

    // ---- the guards, by raw HTTP (a browser would not send such requests) --------------------------------------

    static HttpResponse<String> post(String url, String naam, byte[] bytes) throws Exception {
        return post(url, naam, bytes, url.substring(0, url.length() - 1));
    }

    static HttpResponse<String> post(String url, String naam, byte[] bytes, String origin) throws Exception {
        String grens = "----rekenblad" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + grens + "\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"" + naam
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + grens + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url + "verwerk"))
                .header("Content-Type", "multipart/form-data; boundary=" + grens)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (origin != null) {
            r.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One raw request with the given head lines; the status line and body of the answer. */
    static String raw(int poort, String... head) throws Exception {
        try (Socket s = new Socket("127.0.0.1", poort)) {
            OutputStream out = s.getOutputStream();
            out.write((String.join("\r\n", head) + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRequestForAnotherHostIsRefused() throws Exception {
        String r = raw(server.poort(), "GET / HTTP/1.1", "Host: aanval.example:" + server.poort());
        assertTrue(r.startsWith("HTTP/1.1 421"), r);
        assertTrue(raw(server.poort(), "GET / HTTP/1.1", "Host: localhost:" + server.poort())
                .startsWith("HTTP/1.1 200"));
    }

    @Test
    void aPostFromAnotherPageIsRefused() throws Exception {
        byte[] kor = Files.readAllBytes(SAMPLES.resolve("kor-2017-voorbeeld-2.csv"));
        assertEquals(
                403, post(server.url(), "kor.csv", kor, "http://aanval.example").statusCode());
        assertEquals(403, post(server.url(), "kor.csv", kor, null).statusCode());
        assertEquals(200, post(server.url(), "kor.csv", kor).statusCode());
    }

    @Test
    void anotherAddressNeedsAPasswordAndAsksForIt() throws Exception {
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> new WebServer(
                        "0.0.0.0", 0, Optional.empty(), List.of(), 60, new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("REKENBLAD_WEB_WACHTWOORD"), e.getMessage());
        try (WebServer open = new WebServer(
                "0.0.0.0", 0, Optional.of("geheim"), List.of("kantoor-pc"), 60, new PrintWriter(new StringWriter()))) {
            open.start();
            String zonder = raw(open.poort(), "GET / HTTP/1.1", "Host: kantoor-pc:" + open.poort());
            assertTrue(zonder.startsWith("HTTP/1.1 401") && zonder.contains("WWW-Authenticate: Basic"), zonder);
            String fout = "Basic " + Base64.getEncoder().encodeToString("x:fout".getBytes(StandardCharsets.UTF_8));
            assertTrue(raw(open.poort(), "GET / HTTP/1.1", "Host: kantoor-pc:" + open.poort(), "Authorization: " + fout)
                    .startsWith("HTTP/1.1 401"));
            String goed = "Basic " + Base64.getEncoder().encodeToString("x:geheim".getBytes(StandardCharsets.UTF_8));
            assertTrue(raw(open.poort(), "GET / HTTP/1.1", "Host: kantoor-pc:" + open.poort(), "Authorization: " + goed)
                    .startsWith("HTTP/1.1 200"));
            assertTrue(
                    raw(open.poort(), "GET / HTTP/1.1", "Host: localhost:" + open.poort(), "Authorization: " + goed)
                            .startsWith("HTTP/1.1 421"),
                    "localhost is not a name of a server on 0.0.0.0 unless given");
        }
    }

    @Test
    void tooManyOrTooLargeUploadsGetADutchAnswer() throws Exception {
        HttpResponse<String> r =
                post(server.url(), "x.csv", new byte[(int) (nl.rekenblad.batch.Intake.MAX_BIJLAGE + 1)]);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("te groot"), r.body());
    }
}
