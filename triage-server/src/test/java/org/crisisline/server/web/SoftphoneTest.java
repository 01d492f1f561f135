package org.crisisline.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.crisisline.server.http.ApiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The panel's softphone in a real headless Chromium with a fake microphone, against {@link SipWebSocketPbx}
 * playing Asterisk: registration with a digest of the typed password, and a call whose audio flows between
 * the panel and a second page playing the caller's side.
 */
@ExtendWith(VertxExtension.class)
class SoftphoneTest {
    @RegisterExtension
    static final Chromium chromium = new Chromium(List.of("--use-fake-device-for-media-stream",
            "--autoplay-policy=no-user-gesture-required"));
    private static final String PHONE_PASSWORD = "op1-phone-secret";
    private static final Duration CALL_PATIENCE = Duration.ofSeconds(20);

    private SipWebSocketPbx pbx;
    private WebServer server;

    @BeforeEach
    void start(Vertx vertx) throws Exception {
        pbx = ApiServer.await(SipWebSocketPbx.start(vertx, Map.of("op1", PHONE_PASSWORD)));
        server = WebServer.start(vertx, pbx.settings());
        microphone("granted");
    }

    /** Grants or denies the pages the (fake) microphone, as the operative would in the browser's prompt. */
    private void microphone(String setting) {
        chromium.driver.executeCdpCommand("Browser.setPermission", Map.of("permission", Map.of("name", "microphone"),
                "setting", setting, "origin", server.url("")));
    }

    @AfterEach
    void closeTheOtherTabs() {
        String first = chromium.driver.getWindowHandles().iterator().next();
        for (String tab : chromium.driver.getWindowHandles()) {
            if (!tab.equals(first)) {
                chromium.driver.switchTo().window(tab).close();
            }
        }
        chromium.driver.switchTo().window(first);
    }

    @Test
    @DisplayName("The operative types their phone password; the panel registers as their endpoint with its digest and says so")
    void registers() throws Exception {
        signInAsOp1();
        connectThePhone(PHONE_PASSWORD);
        chromium.waitForText("#phone-state", "Registered");

        SipMessage accepted = lastRegister();
        assertThat(accepted.startLine()).isEqualTo("REGISTER sip:" + SipWebSocketPbx.DOMAIN + " SIP/2.0");
        assertThat(accepted.uriIn("To")).isEqualTo("sip:op1@" + SipWebSocketPbx.DOMAIN);
        assertThat(accepted.header("Authorization")).hasValueSatisfying(digest -> assertThat(digest)
                .contains("username=\"op1\"", "realm=\"crisisline\"").doesNotContain(PHONE_PASSWORD));
        assertThat(pbx.registeredContact()).isPresent();
        assertThat(chromium.find("#phone-login").isDisplayed()).isFalse();
        assertThat(chromium.find("#phone-call").isDisplayed()).as("call buttons with no call").isFalse();
        assertThat(chromium.find("#phone-detail").getText()).isEqualTo("Registered as op1.");
        assertThat(script("return Object.keys(localStorage).length + Object.keys(sessionStorage).length")).isEqualTo(0L);
        assertThat(server.api.anonymous().get("/operative.html").getHeader("Content-Security-Policy"))
                .contains("connect-src 'self' " + pbx.settings().connectSource().orElseThrow() + ";");
        assertNoConsoleErrors();
        chromium.screenshot("softphone-registered");
    }

    @Test
    @DisplayName("A wrong phone password fails registration in words, and the right one then registers")
    void wrongPasswordFails() throws Exception {
        signInAsOp1();
        connectThePhone("not-the-password");
        chromium.waitForText("#phone-state", "Failed");
        assertThat(chromium.find("#phone-detail").getText()).isEqualTo("The PBX refused the phone password. Check it and connect again.");
        assertThat(chromium.find("#phone-detail").getAttribute("data-kind")).isEqualTo("error");
        assertThat(pbx.registeredContact()).isEmpty();
        chromium.screenshot("softphone-wrong-password");

        connectThePhone(PHONE_PASSWORD);
        chromium.waitForText("#phone-state", "Registered");
        assertThat(pbx.registeredContact()).isPresent();
    }

    @Test
    @DisplayName("With no softphone configured the panel says so and asks for no password")
    void softphoneOff(Vertx vertx) throws Exception {
        server = WebServer.start(vertx);
        signInAsOp1();
        chromium.waitForText("#phone-state", "Not in use");
        assertThat(chromium.find("#phone-detail").getText()).contains("not set up on this server");
        assertThat(chromium.find("#phone-login").isDisplayed()).isFalse();
        chromium.assertCleanSince(server);
    }

    @Test
    @DisplayName("An incoming call rings; Answer (keyboard) connects it, audio flows both ways, Mute toggles and Hang up sends BYE")
    void callWithAudio() throws Exception {
        signInAsOp1();
        connectThePhone(PHONE_PASSWORD);
        chromium.waitForText("#phone-state", "Registered");
        assertNoConsoleErrors();
        String panel = chromium.driver.getWindowHandle();
        String caller = chromium.driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        chromium.open(server.url("/favicon.svg"));
        String offer = (String) ((JavascriptExecutor) chromium.driver).executeAsyncScript(CALLER_OFFER);
        assertThat(offer).startsWith("v=0");
        chromium.console(); // the caller's bare page asks for a /favicon.ico there is none of: not the panel's

        chromium.driver.switchTo().window(panel);
        var answered = pbx.invite(offer);
        chromium.waitForText("#phone-state", "Ringing");
        assertThat(chromium.find("#phone-card").getAttribute("data-ringing")).isNotNull();
        assertThat(chromium.find("#phone-answer").isDisplayed()).isTrue();
        chromium.screenshot("softphone-ringing");
        chromium.find("#phone-answer").sendKeys(Keys.ENTER);
        SipMessage ok = answered.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        chromium.waitForText("#phone-state", "In call");
        assertThat(ok.header("Content-Type")).contains("application/sdp");

        chromium.driver.switchTo().window(caller);
        ((JavascriptExecutor) chromium.driver).executeAsyncScript(CALLER_ANSWER, ok.body());
        long first = callerPacketsReceived(0);
        long later = callerPacketsReceived(first);
        assertThat(later).as("RTP packets from the operative's microphone").isGreaterThan(first);
        Object lostAsReportedByThePanel = new WebDriverWait(chromium.driver, CALL_PATIENCE)
                .until(driver -> callerStat("remote-inbound-rtp", "packetsLost"));
        assertThat(lostAsReportedByThePanel).as("the panel's receiver reports on the caller's audio (RTCP)").isNotNull();

        chromium.driver.switchTo().window(panel);
        assertThat(((JavascriptExecutor) chromium.driver).executeAsyncScript(LOUDEST_SAMPLE_HEARD))
                .as("the caller's fake microphone tone, heard in the panel's audio element")
                .asInstanceOf(InstanceOfAssertFactories.LONG).isGreaterThan(4L);
        chromium.find("#phone-mute").click();
        assertThat(chromium.find("#phone-mute").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(chromium.find("#phone-mute").getText()).isEqualTo("Unmute");
        chromium.find("#phone-mute").click();
        assertThat(chromium.find("#phone-mute").getAttribute("aria-pressed")).isEqualTo("false");
        chromium.screenshot("softphone-in-call");

        chromium.find("#phone-hangup").click();
        chromium.waitForText("#phone-state", "Registered");
        assertThat(chromium.find("#phone-detail").getText()).isEqualTo("The call ended.");
        assertThat(chromium.find("#phone-call").isDisplayed()).isFalse();
        assertThat(pbx.requests).extracting(SipMessage::method).contains("BYE");
        assertNoConsoleErrors();
    }

    @Test
    @DisplayName("A refused microphone is explained in words and the call keeps ringing; once allowed, Answer connects")
    void microphoneRefused() throws Exception {
        signInAsOp1();
        connectThePhone(PHONE_PASSWORD);
        chromium.waitForText("#phone-state", "Registered");
        microphone("denied");
        pbx.invite(CALLER_OFFER_WITHOUT_CANDIDATES);
        chromium.waitForText("#phone-state", "Ringing");
        chromium.find("#phone-answer").click();
        chromium.waitForText("#phone-detail", "not allowed to use your microphone");
        assertThat(chromium.find("#phone-detail").getAttribute("data-kind")).isEqualTo("error");
        assertThat(chromium.find("#phone-state").getText()).isEqualTo("Ringing");
        chromium.screenshot("softphone-microphone-refused");

        microphone("granted");
        chromium.find("#phone-answer").click();
        chromium.waitForText("#phone-state", "In call");
        chromium.find("#phone-hangup").click();
        chromium.waitForText("#phone-state", "Registered");
    }

    /**
     * A minimal WebRTC audio offer (RFC 8866 syntax, RFC 8829 attributes) with no candidates: its media never
     * connects, but it is enough to ring and answer.
     */
    private static final String CALLER_OFFER_WITHOUT_CANDIDATES = String.join("\r\n",
            "v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0", "a=msid-semantic: WMS",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=rtcp:9 IN IP4 0.0.0.0",
            "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx",
            "a=fingerprint:sha-256 " + "00:".repeat(31) + "00", "a=setup:actpass", "a=mid:0",
            "a=sendrecv", "a=rtcp-mux", "a=rtpmap:111 opus/48000/2", "");

    /** The caller's side: a peer connection with the fake microphone, returning its complete SDP offer. */
    private static final String CALLER_OFFER = """
            const done = arguments[arguments.length - 1];
            (async () => {
              const pc = new RTCPeerConnection();
              window.caller = pc;
              const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
              stream.getTracks().forEach((track) => pc.addTrack(track, stream));
              const gathered = new Promise((resolve) => pc.addEventListener('icegatheringstatechange',
                () => pc.iceGatheringState === 'complete' && resolve()));
              await pc.setLocalDescription(await pc.createOffer());
              await gathered;
              done(pc.localDescription.sdp);
            })().catch((e) => done('failed: ' + e));
            """;
    private static final String CALLER_ANSWER = """
            const done = arguments[arguments.length - 1];
            window.caller.setRemoteDescription({ type: 'answer', sdp: arguments[0] }).then(() => done(true), (e) => done(String(e)));
            """;

    /**
     * The panel's side: the loudest deviation from silence (0 to 128) in the remote audio over up to 5 s,
     * measured with a Web Audio analyser on the {@code <audio>} element's stream.
     */
    private static final String LOUDEST_SAMPLE_HEARD = """
            const done = arguments[arguments.length - 1];
            const context = new AudioContext();
            const analyser = context.createAnalyser();
            context.createMediaStreamSource(document.getElementById('phone-audio').srcObject).connect(analyser);
            const samples = new Uint8Array(analyser.fftSize);
            let loudest = 0;
            const started = Date.now();
            const listen = () => {
              analyser.getByteTimeDomainData(samples);
              samples.forEach((sample) => { loudest = Math.max(loudest, Math.abs(sample - 128)); });
              if (loudest > 4 || Date.now() - started > 5000) { context.close(); done(loudest); } else setTimeout(listen, 100);
            };
            context.resume().then(listen);
            """;

    /** Waits until the caller's page has received more than {@code than} audio packets; returns the count. */
    private long callerPacketsReceived(long than) {
        return new WebDriverWait(chromium.driver, CALL_PATIENCE).until(driver -> {
            Object packets = callerStat("inbound-rtp", "packetsReceived");
            return packets instanceof Number n && n.longValue() > than ? n.longValue() : null;
        });
    }

    private static Object callerStat(String type, String field) {
        return ((JavascriptExecutor) chromium.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                window.caller.getStats().then((stats) => {
                  let value = null;
                  stats.forEach((s) => { if (s.type === arguments[0] && s.kind === 'audio') value = s[arguments[1]]; });
                  done(value);
                });
                """, type, field);
    }

    private void signInAsOp1() {
        chromium.signIn(server, "op1", "/operative.html");
    }

    private static void connectThePhone(String password) {
        chromium.visible("#phone-password");
        chromium.type("#phone-password", password + Keys.ENTER);
    }

    private SipMessage lastRegister() {
        return pbx.requests.stream().filter(r -> r.method().equals("REGISTER")).reduce((a, b) -> b).orElseThrow();
    }

    private static Object script(String js) {
        return ((JavascriptExecutor) chromium.driver).executeScript(js);
    }

    private static void assertNoConsoleErrors() {
        assertThat(chromium.console()).as("console errors")
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue());
    }
}
