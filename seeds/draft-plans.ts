import type { DataSource } from 'typeorm';
import { toAuthUser } from '../src/core/auth/auth.service.js';
import { User } from '../src/core/auth/user.entity.js';
import type { PlansService } from '../src/modules/plans/plans.service.js';
import { SAMPLE_PRICE_BOOK } from './price-books/sample-cao-loc.js';

/**
 * One draft plan per seeded project, priced with the SAMPLE book, so a fresh installation shows a plan to open.
 * Idempotent: a project that has a plan is skipped. Runs through the real PlansService (same code as the API).
 */
export async function seedDraftPlans(ds: DataSource, plans: PlansService): Promise<number> {
  const [book] = await ds.query('SELECT id FROM price_books WHERE code = $1 AND status = $2', [
    SAMPLE_PRICE_BOOK.code,
    'active',
  ]);
  const author = await ds.getRepository(User).findOneBy({ username: 'lanhdao.ttptqd' });
  if (!book || !author) return 0;
  const projects: { id: string; code: string; name: string }[] = await ds.query(
    `SELECT p.id, p.code, p.name FROM projects p
     WHERE NOT EXISTS (SELECT 1 FROM plans pl WHERE pl.project_id = p.id)
       AND EXISTS (SELECT 1 FROM cases c WHERE c.project_id = p.id AND c.state IN ('SURVEYED', 'ORIGIN_CONFIRMED'))
     ORDER BY p.code`,
  );
  for (const p of projects) {
    await plans.create(toAuthUser(author), p.id, {
      name: `Dự thảo phương án bồi thường, hỗ trợ, tái định cư — ${p.name} (giá MẪU)`,
      priceBookId: book.id,
      valuationDate: '2024-06-01',
    });
  }
  return projects.length;
}
