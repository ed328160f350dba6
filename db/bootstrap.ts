import { Client } from "pg";

export type DatabaseRoles = {
  database: string;
  owner: string;
  ownerPassword: string;
  app: string;
  appPassword: string;
};

function withCredentials(url: string, user: string, password: string, database: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * As a superuser: make sure the owner role, the app role (no superuser, owns nothing) and the
 * database (owned by the owner) exist. Idempotent. Returns the owner's and the app's URLs.
 * Reads pg_database before CREATE DATABASE (a failed CREATE would leave a client open).
 */
export async function ensureDatabase(superUrl: string, r: DatabaseRoles): Promise<{ ownerUrl: string; appUrl: string }> {
  const c = new Client({ connectionString: superUrl, application_name: "jas-grant-bootstrap" });
  await c.connect();
  try {
    for (const [role, password] of [
      [r.owner, r.ownerPassword],
      [r.app, r.appPassword],
    ] as const) {
      const exists = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
      const verb = exists.rowCount ? "ALTER" : "CREATE";
      // Passwords cannot be bound as parameters in DDL: escape as a literal.
      await c.query(
        `${verb} ROLE ${c.escapeIdentifier(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${c.escapeLiteral(password)}`,
      );
    }
    const db = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [r.database]);
    if (!db.rowCount) {
      await c.query(`CREATE DATABASE ${c.escapeIdentifier(r.database)} OWNER ${c.escapeIdentifier(r.owner)} ENCODING 'UTF8' TEMPLATE template0`);
    }
    await c.query(`REVOKE ALL ON DATABASE ${c.escapeIdentifier(r.database)} FROM PUBLIC`);
    await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${c.escapeIdentifier(r.database)} TO ${c.escapeIdentifier(r.app)}`);
  } finally {
    await c.end();
  }
  return {
    ownerUrl: withCredentials(superUrl, r.owner, r.ownerPassword, r.database),
    appUrl: withCredentials(superUrl, r.app, r.appPassword, r.database),
  };
}
