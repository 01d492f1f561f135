package org.crisisline.telephony.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {
    @Test
    @DisplayName("a number prints with all but its last two digits masked, inside records too")
    void numbersAreMasked() {
        PhoneNumber number = new PhoneNumber("07700900123");
        CallArrived arrived = new CallArrived("north", Instant.EPOCH, "1.0", "PJSIP/trunk-1", "1.1", "crisis",
                "08001234567", Optional.of(number));

        assertThat(number.toString()).isEqualTo("*********23");
        assertThat(arrived.toString()).doesNotContain("07700900123");
        assertThat(number.digits()).isEqualTo("07700900123");
    }

    @Test
    @DisplayName("Asterisk's unknown or empty caller ID is no number")
    void unknownIsEmpty() {
        assertThat(PhoneNumber.fromAsterisk("<unknown>")).isEmpty();
        assertThat(PhoneNumber.fromAsterisk("")).isEmpty();
        assertThat(PhoneNumber.fromAsterisk(null)).isEmpty();
        assertThat(PhoneNumber.fromAsterisk("07700900123")).contains(new PhoneNumber("07700900123"));
    }

    @Test
    @DisplayName("Originate reason codes read as words")
    void originateReasons() {
        assertThat(OriginateFailed.Reason.of(5)).isEqualTo(OriginateFailed.Reason.BUSY);
        assertThat(OriginateFailed.Reason.of(0)).isEqualTo(OriginateFailed.Reason.FAILED);
        assertThat(OriginateFailed.Reason.of(3)).isEqualTo(OriginateFailed.Reason.NO_ANSWER);
        assertThat(OriginateFailed.Reason.of(8)).isEqualTo(OriginateFailed.Reason.CONGESTION);
        assertThat(OriginateFailed.Reason.of(1)).isEqualTo(OriginateFailed.Reason.HUNG_UP);
        assertThat(OriginateFailed.Reason.of(42)).isEqualTo(OriginateFailed.Reason.UNKNOWN);
    }
}
