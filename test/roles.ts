/** Roles of the integration tests' databases: an owner that migrates, and an app role that owns nothing. */
export const TEST_ROLES = {
  database: "jg_test_template",
  owner: "jg_test_owner",
  ownerPassword: "jg-test-owner-pw",
  app: "jg_test_app",
  appPassword: "jg-test-app-pw",
} as const;
