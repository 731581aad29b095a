"""IT tooling, not clinical rules: what an administrator deploys with Askel (Group Policy templates, the policy
JSON schema). It reads the settings registry in `askel.core.settings`; nothing in `core` imports it."""
