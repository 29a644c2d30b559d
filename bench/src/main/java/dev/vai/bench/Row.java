package dev.vai.bench;

/** One line of the results table: what was measured, the figures, the baseline, the target and whether it is met. */
record Row(String measure, String figures, String baseline, String ratio, String target, Boolean met) {

    String verdict() {
        return met == null ? "-" : met ? "met" : "MISSED";
    }
}
