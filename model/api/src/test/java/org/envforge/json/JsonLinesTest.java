package org.envforge.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void findsTheLineOfEachPointer() {
        String json = "{\n  \"id\": \"x\",\n  \"init\": {\n    \"max_steps\": 10\n  },\n  \"items\": [\n"
                + "    {\"a\": 1},\n    {\"a\": 2}\n  ]\n}\n";
        JsonLines lines = JsonLines.of(json);
        assertThat(lines.lineOf("/id")).isEqualTo(2);
        assertThat(lines.lineOf("/init/max_steps")).isEqualTo(4);
        assertThat(lines.lineOf("/items/1/a")).isEqualTo(8);
        assertThat(lines.lineOf("/items/1")).isEqualTo(8);
        // A missing field points at its parent.
        assertThat(lines.lineOf("/init/timeout_sec")).isEqualTo(3);
        assertThat(lines.lineOf("")).isEqualTo(1);
    }

    @Test
    void escapedPointersAndBrokenTextDoNotFail() {
        JsonLines lines = JsonLines.of("{\"a/b\": {\n\"c\": 1}}");
        assertThat(lines.lineOf("/a~1b/c")).isEqualTo(2);
        assertThat(JsonLines.of("{\"a\": \n [1, 2").lineOf("/a/1")).isEqualTo(2);
    }
}
