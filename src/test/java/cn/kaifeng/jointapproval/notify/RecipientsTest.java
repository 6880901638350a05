package cn.kaifeng.jointapproval.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecipientsTest {

  @Test
  void idsGoThroughOneStringAndBack() {
    String joined = Recipients.join(List.of("approval-fgw", "county-lk"));
    assertThat(joined).isEqualTo("approval-fgw,county-lk");
    assertThat(Recipients.split(joined)).containsExactly("approval-fgw", "county-lk");
    assertThat(Recipients.split(Recipients.join(List.of()))).isEmpty();
  }

  @Test
  void mailsQueuedAsListsBeforeAreStillRead() {
    assertThat(Recipients.split(List.of("approval-fgw"))).containsExactly("approval-fgw");
    assertThat(Recipients.split(null)).isEmpty();
  }

  @Test
  void anIdThatCannotBeSplitAgainIsRefused() {
    assertThatThrownBy(() -> Recipients.join(List.of("a,b")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
