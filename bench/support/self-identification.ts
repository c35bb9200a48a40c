import { sql } from "drizzle-orm";
import type { TDatabase } from "../../src/db/client.js";

/**
 * Voluntary self-identification for the fairness report's benches: seven candidates in ten
 * answer, and every answer (and "prefer not to say") occurs.
 */
export async function addSelfIdentification(db: TDatabase) {
  await db.execute(sql`
    insert into self_identifications (candidate_id, sex, race_ethnicity, veteran_status, disability)
    select id,
      (array['female', 'male', 'female', 'male', 'another', 'prefer_not_to_say'])[1 + n % 6],
      (array['white', 'asian', 'black_or_african_american', 'hispanic_or_latino', 'white',
        'two_or_more', 'native_hawaiian_or_pacific_islander', 'american_indian_or_alaska_native',
        'prefer_not_to_say'])[1 + n % 9],
      (array['not_protected_veteran', 'not_protected_veteran', 'protected_veteran', null])[1 + n % 4],
      (array['no', 'no', 'no', 'yes', 'prefer_not_to_say'])[1 + n % 5]
    from (select id, row_number() over (order by id) as n from candidates) c
    where n % 10 < 7`);
}
