package io.devices.core.export;

/** Fired when an export job is recorded; observed after the commit to start it at once. */
record ExportQueued(String exportId) {}
