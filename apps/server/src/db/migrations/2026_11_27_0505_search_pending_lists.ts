// The register's GIN indexes (search and trigram) take new appeals into a pending list, and
// the insert that overflows it (4 MB by default, about two seconds of intake at a thousand
// appeals a second) merges the whole list into the index: 60–130 ms inside one intake
// statement, while that body's number counter is locked and its next appeals wait. With a
// larger list the platform merges it every second from a connection of its own
// (appeals/search-upkeep.ts); an insert merges only if the platform is not running that.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter index appeal_body_search_idx set (gin_pending_list_limit = 16384);
    alter index appeal_body_text_trgm_idx set (gin_pending_list_limit = 16384);
  `.execute(db);
}
