package org.spineformer.experiments.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterGridTest {
    private static final FakeExperiment FAKE = new FakeExperiment();

    @Test
    void noParametersIsOnePointAtTheDefaults() {
        List<GridPoint<FakeExperiment.Config>> points = ParameterGrid.points(FAKE, List.of());
        assertThat(points).hasSize(1);
        assertThat(points.get(0).name()).isEmpty();
        assertThat(points.get(0).config()).isEqualTo(FAKE.defaults());
    }

    @Test
    void everyCombinationTheFirstParameterSlowest() {
        List<GridPoint<FakeExperiment.Config>> points = ParameterGrid.points(FAKE,
                List.of("scale=0.5,2", "trials=3,4,6", "mode=fast"));
        assertThat(points).extracting(GridPoint::name).containsExactly(
                "scale=0.5/trials=3/mode=fast", "scale=0.5/trials=4/mode=fast", "scale=0.5/trials=6/mode=fast",
                "scale=2/trials=3/mode=fast", "scale=2/trials=4/mode=fast", "scale=2/trials=6/mode=fast");
        assertThat(points.get(4).config()).isEqualTo(new FakeExperiment.Config(4, 7, 2.0, "fast", 20));
    }

    @Test
    void theExperimentCompletesDependentComponentsUnlessGiven() {
        assertThat(ParameterGrid.points(FAKE, List.of("scale=3")).get(0).config().shift()).isEqualTo(30);
        assertThat(ParameterGrid.points(FAKE, List.of("scale=3", "shift=1")).get(0).config().shift()).isEqualTo(1);
    }

    @Test
    void unknownNameListsTheConfigComponents() {
        assertThatThrownBy(() -> ParameterGrid.points(FAKE, List.of("sclae=1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameter 'sclae'")
                .hasMessageContaining("components of its config record")
                .hasMessageContaining("trials, seed, scale, mode, shift");
    }

    @Test
    void badValuesNameTheParameterAndValue() {
        assertThatThrownBy(() -> ParameterGrid.points(FAKE, List.of("trials=3,x")))
                .hasMessageContaining("--param trials: 'x' is not an integer");
        assertThatThrownBy(() -> ParameterGrid.points(FAKE, List.of("scale=1,NaN")))
                .hasMessageContaining("--param scale: 'NaN' is not a finite number");
        assertThatThrownBy(() -> ParameterGrid.points(FAKE, List.of("scale=")))
                .hasMessageContaining("--param scale: empty value");
        assertThatThrownBy(() -> ParameterGrid.points(FAKE, List.of("scale")))
                .hasMessageContaining("is not name=value1,value2");
        assertThatThrownBy(() -> ParameterGrid.points(FAKE, List.of("scale=1,1.0")))
                .hasMessageContaining("value 1.0 is listed twice");
        assertThatThrownBy(() -> ParameterGrid.points(FAKE, List.of("scale=1", "scale=2")))
                .hasMessageContaining("--param scale is given twice");
        assertThatThrownBy(() -> ParameterGrid.points(FAKE, List.of("mode=a/b")))
                .hasMessageContaining("cannot name a directory");
    }

    @Test
    void valuesTheConfigRejectsFailWithTheConfigsMessage() {
        assertThatThrownBy(() -> ParameterGrid.points(FAKE, List.of("trials=2", "scale=1,-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--param trials=2, scale=-1: scale = -1.0 must be > 0");
    }
}
