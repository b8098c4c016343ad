package io.devices.core.application;

import io.devices.core.common.ObjectIds;
import io.devices.core.common.Texts;

/** What a client asks for when it creates an application; checked on construction. */
public record ApplicationDraft(String name, String description, String orgId) {
  public ApplicationDraft {
    name = Texts.requireLength("name", name, Texts.MAX_NAME);
    description = Texts.optionalLength("description", description, Texts.MAX_DESCRIPTION);
    orgId = orgId == null ? null : ObjectIds.require("orgId", orgId);
  }
}
