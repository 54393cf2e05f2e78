package org.mbrllab.engine.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The numbers {@code src/test/resources/control/lqr_reference.py} computed once with numpy and scipy. */
final class Reference {
    private Reference() {}

    static final JsonNode JSON = load();

    private static JsonNode load() {
        try (InputStream in = Reference.class.getResourceAsStream("/control/lqr_reference.json")) {
            if (in == null) throw new IllegalStateException("control/lqr_reference.json is missing");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dynamics system(String name) {
        return ControlSystem.fromCliName(name).gymnasium();
    }

    static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) v[i] = node.get(i).asDouble();
        return v;
    }

    static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) m[i] = vector(node.get(i));
        return m;
    }

    static QuadraticCost cost(JsonNode testCase) {
        Dynamics d = system(testCase.get("system").asText());
        return new QuadraticCost(vector(testCase.get("q")), testCase.get("r").asDouble(), d.angleIndex());
    }
}
