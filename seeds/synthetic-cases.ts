/**
 * Synthetic cases for demos, load tests and benchmarks: obviously fictitious households ("Nông Văn Lâm Mẫu 0001",
 * CCCD 099…, "Thôn Mẫu 3") with parcels, one signed inventory each and the case transitions that lead to their state.
 *
 * - Deterministic: the content comes from a PRNG seeded by `seed` (default 2024) and the project code, so a project
 *   gets the same households whatever other projects are generated with it. Only the row ids are random.
 * - Idempotent: a project that already has cases is skipped (a second run inserts nothing).
 * - Fast: rows go in with multi-row `INSERT … SELECT FROM unnest(<one array per column>)`, one transaction per
 *   project, a chunk of cases per statement. cases.search_text is left to the database triggers.
 * - Exact: areas and quantities are decimal strings built from integers (tenths of m²), never JavaScript floats.
 *   No money here. No audit rows (seed data).
 *
 * Not for production data: CCCD prefix 099 is not a province code, names carry the word "Mẫu".
 */
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

export interface SyntheticCasesOptions {
  /** Number of cases per project code, e.g. `{ 'CT-HNCL': 250, 'QL4B': 120 }`. */
  perProject: Record<string, number>;
  /** PRNG seed (default 2024). */
  seed?: number;
  /** Benchmarks: pad every inventory with vegetable rows up to this many items (before it is signed). */
  padItemsTo?: number;
}

export interface SyntheticCasesResult {
  cases: number;
  parcels: number;
  inventories: number;
  items: number;
}

/** Cases per INSERT statement (≈ 2× as many parcels and ≈ 7.5× as many inventory items in theirs). */
const CHUNK = 1000;
const LAND_TYPE_TABLE = 'TT28-2014';

export async function seedSyntheticCases(
  ds: DataSource,
  options: SyntheticCasesOptions,
): Promise<SyntheticCasesResult> {
  const total: SyntheticCasesResult = { cases: 0, parcels: 0, inventories: 0, items: 0 };
  const seed = options.seed ?? 2024;
  for (const [code, count] of Object.entries(options.perProject)) {
    if (!Number.isInteger(count) || count < 0)
      throw new Error(`seedSyntheticCases: count for ${code} must be a non-negative integer, got ${count}`);
    if (count === 0) continue;
    const done = await ds.transaction((em) => seedProject(em, code, count, seed, options.padItemsTo ?? 0));
    total.cases += done.cases;
    total.parcels += done.parcels;
    total.inventories += done.inventories;
    total.items += done.items;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// One project
// ---------------------------------------------------------------------------------------------------------------

interface Commune {
  id: string;
  name: string;
  kind: string;
  weight: number;
  sheet: number;
  number: number;
}

async function seedProject(
  em: EntityManager,
  code: string,
  count: number,
  seed: number,
  padItemsTo: number,
): Promise<SyntheticCasesResult> {
  const none = { cases: 0, parcels: 0, inventories: 0, items: 0 };
  const [project] = await em.query('SELECT id FROM projects WHERE code = $1', [code]);
  if (!project) throw new Error(`seedSyntheticCases: no project with code ${code} (run the seeds first)`);
  const projectId: string = project.id;
  // Two seeders on the same project wait for each other; the second then finds the cases and stops.
  await em.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', ['gpmb:synthetic-cases', projectId]);
  const [{ n }] = await em.query('SELECT count(*)::int AS n FROM cases WHERE project_id = $1', [projectId]);
  if (n > 0) return none;

  const rng = new Rng(seed ^ hashString(code));
  const communeRows: { id: string; name: string; kind: string }[] = await em.query(
    `SELECT au.id, au.name, au.kind FROM project_communes pc JOIN admin_units au ON au.id = pc.commune_id
     WHERE pc.project_id = $1 ORDER BY au.code`,
    [projectId],
  );
  if (communeRows.length === 0) throw new Error(`seedSyntheticCases: project ${code} has no communes`);
  // Uneven spread: a route crosses some communes over a longer stretch than others.
  const communes: Commune[] = communeRows.map((c) => ({
    ...c,
    weight: rng.int(1, 6),
    sheet: rng.int(5, 40),
    number: rng.int(1, 30),
  }));

  const knownTypes = new Set<string>(
    (await em.query('SELECT code FROM land_types WHERE code_table = $1', [LAND_TYPE_TABLE])).map(
      (r: { code: string }) => r.code,
    ),
  );
  const landTypes = LAND_TYPE_PROFILES.filter((t) => knownTypes.has(t.code));
  if (!landTypes.some((t) => t.residential) || landTypes.length < 3) {
    throw new Error(
      `seedSyntheticCases: land_types (${LAND_TYPE_TABLE}) lacks the codes the generator uses; run the seeds first`,
    );
  }
  const agricultural = landTypes.filter((t) => !t.residential && !t.business);
  const residential = landTypes.find((t) => t.residential)!;
  const business = landTypes.find((t) => t.business) ?? agricultural[0];

  const [staff] = await em.query(
    `SELECT id FROM users WHERE role = 'center_staff' AND active ORDER BY username LIMIT 1`,
  );
  const actorId: string | null = staff?.id ?? null;
  const cccds = new Set<string>(
    (await em.query(`SELECT cccd FROM land_users WHERE cccd LIKE '099%'`)).map((r: { cccd: string }) => r.cccd),
  );

  const width = Math.max(4, String(count).length);
  const done = { ...none };
  for (let start = 0; start < count; start += CHUNK) {
    const b = new Batch();
    const end = Math.min(count, start + CHUNK);
    for (let i = start; i < end; i++) {
      generateCase(rng, b, {
        seq: String(i + 1).padStart(width, '0'),
        commune: rng.weighted(communes, (c) => c.weight),
        agricultural,
        residential,
        business,
        actorId,
        cccds,
      });
    }
    await b.flush(em, projectId, padItemsTo);
    done.cases += b.cases.id.length;
    done.parcels += b.parcels.caseId.length;
    done.inventories += b.inventories.id.length;
    done.items += b.items.inventoryId.length;
  }
  return done;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows, column by column (each column is one array parameter of an unnest)
// ---------------------------------------------------------------------------------------------------------------

class Batch {
  landUsers = cols('id', 'kind', 'fullName', 'cccd', 'birthYear', 'address', 'members', 'poor', 'policy', 'farming');
  cases = cols('id', 'landUserId', 'communeId', 'batch', 'state', 'noticeOn', 'version');
  parcels = cols(
    'caseId',
    'communeId',
    'mapSheet',
    'parcelNumber',
    'landType',
    'legalArea',
    'measuredArea',
    'recoveredArea',
    'landUses',
    'position',
    'origin',
    'eligible',
    'certificate',
  );
  inventories = cols('id', 'caseId', 'surveyedOn', 'participants', 'signedAt', 'signedBy');
  items = cols(
    'inventoryId',
    'position',
    'kind',
    'itemCode',
    'description',
    'quantity',
    'unit',
    'attributes',
    'firstRecordedOn',
    'afterNotice',
  );
  transitions = cols(
    'caseId',
    'action',
    'fromState',
    'toState',
    'occurredOn',
    'actorId',
    'documentRef',
    'note',
    'recordedAt',
  );

  /** Parents before children; the case and parcel triggers fill cases.search_text as the rows go in. */
  async flush(em: EntityManager, projectId: string, padItemsTo: number): Promise<void> {
    const lu = this.landUsers;
    await em.query(
      `INSERT INTO land_users (id, version, kind, full_name, cccd, birth_year, address, members, poor_household, policy_family, directly_farming)
       SELECT id, 1, kind, full_name, cccd, birth_year, address, members, poor, policy, farming
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[], $5::int[], $6::varchar[], $7::jsonb[], $8::bool[], $9::bool[], $10::bool[])
         AS t(id, kind, full_name, cccd, birth_year, address, members, poor, policy, farming)`,
      [lu.id, lu.kind, lu.fullName, lu.cccd, lu.birthYear, lu.address, lu.members, lu.poor, lu.policy, lu.farming],
    );
    const c = this.cases;
    await em.query(
      `INSERT INTO cases (id, version, project_id, land_user_id, commune_id, batch, state, notice_delivered_on)
       SELECT id, version, $1, land_user_id, commune_id, batch, state, notice_on
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::varchar[], $6::varchar[], $7::date[], $8::int[])
         AS t(id, land_user_id, commune_id, batch, state, notice_on, version)`,
      [projectId, c.id, c.landUserId, c.communeId, c.batch, c.state, c.noticeOn, c.version],
    );
    const p = this.parcels;
    await em.query(
      `INSERT INTO parcels (version, case_id, project_id, commune_id, map_sheet, parcel_number, land_type_code, legal_area, measured_area,
                            recovered_area, land_uses, position, origin, eligible, certificate_number)
       SELECT 1, case_id, $1, commune_id, map_sheet, parcel_number, land_type, legal_area, measured_area, recovered_area, land_uses, position,
              origin, eligible, certificate
       FROM unnest($2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[], $7::numeric[], $8::numeric[], $9::numeric[],
                   $10::jsonb[], $11::varchar[], $12::varchar[], $13::bool[], $14::varchar[])
         AS t(case_id, commune_id, map_sheet, parcel_number, land_type, legal_area, measured_area, recovered_area, land_uses, position,
              origin, eligible, certificate)`,
      [
        projectId,
        p.caseId,
        p.communeId,
        p.mapSheet,
        p.parcelNumber,
        p.landType,
        p.legalArea,
        p.measuredArea,
        p.recoveredArea,
        p.landUses,
        p.position,
        p.origin,
        p.eligible,
        p.certificate,
      ],
    );
    // Drafts until their items are in: the database keeps a signed inventory's items as they are.
    const inv = this.inventories;
    await em.query(
      `INSERT INTO inventories (id, version, case_id, revision, status, surveyed_on, participants, signed_at, signed_by)
       SELECT id, 2, case_id, 1, 'draft', surveyed_on, participants, signed_at, signed_by
       FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::jsonb[], $5::timestamptz[], $6::uuid[])
         AS t(id, case_id, surveyed_on, participants, signed_at, signed_by)`,
      [inv.id, inv.caseId, inv.surveyedOn, inv.participants, inv.signedAt, inv.signedBy],
    );
    const it = this.items;
    await em.query(
      `INSERT INTO inventory_items (inventory_id, position, kind, item_code, description, quantity, unit, attributes, first_recorded_on, after_notice)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::varchar[], $4::varchar[], $5::varchar[], $6::numeric[], $7::varchar[], $8::jsonb[],
                            $9::date[], $10::bool[])`,
      [
        it.inventoryId,
        it.position,
        it.kind,
        it.itemCode,
        it.description,
        it.quantity,
        it.unit,
        it.attributes,
        it.firstRecordedOn,
        it.afterNotice,
      ],
    );
    if (padItemsTo > 0) {
      await em.query(
        `INSERT INTO inventory_items (inventory_id, position, kind, item_code, description, quantity, unit, attributes, after_notice)
         SELECT i.id, 100 + g, 'crop', 'RAU-MAU', 'Rau màu (bench)', 10 + g, 'm2', '{}', false
         FROM unnest($1::uuid[]) AS i(id)
         CROSS JOIN LATERAL generate_series(1, greatest(0, $2 - (SELECT count(*) FROM inventory_items x WHERE x.inventory_id = i.id))::int) g`,
        [inv.id, padItemsTo],
      );
    }
    await em.query(`UPDATE inventories SET status = 'signed' WHERE id = ANY($1)`, [inv.id]);
    const tr = this.transitions;
    await em.query(
      `INSERT INTO case_transitions (case_id, action, from_state, to_state, occurred_on, actor_id, document_ref, note, recorded_at)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::date[], $6::uuid[], $7::varchar[], $8::text[],
                            $9::timestamptz[])`,
      [
        tr.caseId,
        tr.action,
        tr.fromState,
        tr.toState,
        tr.occurredOn,
        tr.actorId,
        tr.documentRef,
        tr.note,
        tr.recordedAt,
      ],
    );
  }
}

type Columns<K extends string> = Record<K, unknown[]>;
function cols<K extends string>(...keys: K[]): Columns<K> {
  return Object.fromEntries(keys.map((k) => [k, []])) as unknown as Columns<K>;
}
function push<K extends string>(target: Columns<K>, row: Record<K, unknown>): void {
  for (const k in row) target[k].push(row[k]);
}

// ---------------------------------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------------------------------

interface CaseContext {
  seq: string;
  commune: Commune;
  agricultural: LandTypeProfile[];
  residential: LandTypeProfile;
  business: LandTypeProfile;
  actorId: string | null;
  cccds: Set<string>;
}

interface GeneratedParcel {
  profile: LandTypeProfile;
  recovered: number; // tenths of m²
}

function generateCase(rng: Rng, b: Batch, ctx: CaseContext): void {
  const { commune, seq } = ctx;
  const roll = rng.next();
  const kind = roll < 0.02 ? 'organisation' : roll < 0.07 ? 'individual' : 'household';
  const landUserId = randomUUID();
  const caseId = randomUUID();
  const inventoryId = randomUUID();

  // --- land user
  const male = rng.chance(0.72); // household heads are mostly men in the registers
  const family = rng.pick(FAMILY_NAMES);
  const headName =
    kind === 'organisation'
      ? `${rng.pick(ORGANISATION_KINDS)} Mẫu ${seq}`
      : `${family} ${personName(rng, male)} Mẫu ${seq}`;
  const birthYear = kind === 'organisation' ? null : rng.int(1942, 1996);
  const cccd = birthYear === null ? null : newCccd(rng, ctx.cccds, male, birthYear);
  const hamlet = `${commune.kind === 'thị trấn' ? 'Khối' : 'Thôn'} Mẫu ${rng.int(1, 12)}`;
  const address =
    kind === 'organisation'
      ? `Số ${rng.int(1, 200)} đường Mẫu, ${commune.kind} ${commune.name}`
      : `${hamlet}, ${commune.kind} ${commune.name}`;
  const farming = kind !== 'organisation' && rng.chance(0.6);

  // --- parcels
  const parcelCount =
    kind === 'organisation' ? rng.int(1, 2) : rng.weighted([1, 2, 3], (k) => (k === 1 ? 35 : k === 2 ? 40 : 25));
  const hasHome = kind !== 'organisation' && rng.chance(0.4);
  const parcels: GeneratedParcel[] = [];
  for (let k = 0; k < parcelCount; k++) {
    const profile =
      kind === 'organisation'
        ? k === 0
          ? ctx.business
          : rng.pick(ctx.agricultural)
        : k === 0 && hasHome
          ? ctx.residential
          : rng.weighted(ctx.agricultural, (t) => t.weight);
    parcels.push(generateParcel(rng, b, caseId, commune, profile));
  }

  // --- members (nhân khẩu)
  const livesOnLand = hasHome;
  const members: object[] = [];
  if (kind === 'household' || kind === 'individual') {
    members.push({
      fullName: headName,
      birthYear,
      relation: kind === 'individual' ? 'Bản thân' : 'Chủ hộ',
      livesOnLand,
      farmsLand: farming,
    });
    const size = kind === 'individual' ? 1 : rng.weighted([1, 2, 3, 4, 5, 6], (k) => [8, 18, 22, 26, 16, 10][k - 1]);
    for (let m = 2; m <= size; m++) {
      const rel =
        m === 2
          ? male
            ? 'Vợ'
            : 'Chồng'
          : rng.chance(0.15)
            ? rng.chance(0.5)
              ? 'Bố'
              : 'Mẹ'
            : rng.chance(0.8)
              ? 'Con'
              : 'Cháu';
      const memberMale =
        rel === 'Chồng' || rel === 'Bố' ? true : rel === 'Vợ' || rel === 'Mẹ' ? false : rng.chance(0.5);
      const by =
        rel === 'Vợ' || rel === 'Chồng'
          ? clamp(birthYear! + rng.int(-6, 6), 1935, 2000)
          : rel === 'Bố' || rel === 'Mẹ'
            ? clamp(birthYear! - rng.int(20, 32), 1915, 1980)
            : rel === 'Con'
              ? Math.min(2023, birthYear! + rng.int(20, 38))
              : Math.min(2023, birthYear! + rng.int(40, 60));
      const memberFamily = rel === 'Vợ' || rel === 'Chồng' || rel === 'Mẹ' ? rng.pick(FAMILY_NAMES) : family;
      const adult = 2024 - by >= 15;
      members.push({
        fullName: `${memberFamily} ${personName(rng, memberMale)} Mẫu ${seq}.${m}`,
        birthYear: rng.chance(0.03) ? null : by,
        relation: rel,
        livesOnLand,
        farmsLand: farming && adult && rng.chance(0.85),
      });
    }
  }
  push(b.landUsers, {
    id: landUserId,
    kind,
    fullName: headName.normalize('NFC'),
    cccd,
    birthYear,
    address,
    members: JSON.stringify(members),
    poor: kind === 'household' && rng.chance(0.08),
    policy: kind !== 'organisation' && rng.chance(0.05),
    farming,
  });

  // --- the dates of the procedure (all in 2023–2024)
  const batch = rng.chance(0.65) ? '1' : '2';
  const notice =
    batch === '1' ? rng.int(day('2023-02-01'), day('2023-10-31')) : rng.int(day('2024-01-10'), day('2024-08-31'));
  const refused = rng.chance(0.04);
  const refusedOn = notice + rng.int(3, 10);
  const persuadedOn = refusedOn + rng.int(2, 7);
  const surveyed = (refused ? persuadedOn : notice) + rng.int(10, 60);
  const originConfirmed = rng.chance(0.6);
  const confirmedOn = surveyed + rng.int(7, 45);

  const transitions: [string, string, string, number, string, string][] = [
    [
      'deliver_notice',
      'IDENTIFIED',
      'NOTIFIED',
      notice,
      `${rng.int(10, 999)}/TB-UBND`,
      'Giao thông báo thu hồi đất (dữ liệu mẫu)',
    ],
  ];
  let before = 'NOTIFIED';
  if (refused) {
    transitions.push([
      'refuse_survey',
      'NOTIFIED',
      'SURVEY_REFUSED',
      refusedOn,
      '',
      'Hộ không phối hợp kiểm đếm (dữ liệu mẫu)',
    ]);
    transitions.push([
      'persuade_survey',
      'SURVEY_REFUSED',
      'PERSUADING_SURVEY',
      persuadedOn,
      `${rng.int(1, 99)}/BB-VĐ`,
      'Biên bản vận động (dữ liệu mẫu)',
    ]);
    before = 'PERSUADING_SURVEY';
  }
  transitions.push(['inventory_signed', before, 'SURVEYED', surveyed, '', 'Biên bản kiểm đếm lần 1']);
  if (originConfirmed) {
    transitions.push([
      'confirm_origin',
      'SURVEYED',
      'ORIGIN_CONFIRMED',
      confirmedOn,
      `${rng.int(10, 999)}/XN-UBND`,
      'Xác nhận nguồn gốc đất (dữ liệu mẫu)',
    ]);
  }
  const signedAt = `${iso(surveyed)}T${rng.int(14, 17)}:${pad2(rng.int(0, 59))}:00+07:00`;
  for (const [action, from, to, on, ref, note] of transitions) {
    // Recorded when it happened: the automatic inventory_signed step in the same moment as the signature.
    const recordedAt =
      action === 'inventory_signed' ? signedAt : `${iso(on)}T${pad2(rng.int(8, 11))}:${pad2(rng.int(0, 59))}:00+07:00`;
    push(b.transitions, {
      caseId,
      action,
      fromState: from,
      toState: to,
      occurredOn: iso(on),
      actorId: ctx.actorId,
      documentRef: ref,
      note,
      recordedAt,
    });
  }

  push(b.cases, {
    id: caseId,
    landUserId,
    communeId: commune.id,
    batch,
    state: originConfirmed ? 'ORIGIN_CONFIRMED' : 'SURVEYED',
    noticeOn: iso(notice),
    version: 1 + transitions.length,
  });

  // --- the signed inventory
  push(b.inventories, {
    id: inventoryId,
    caseId,
    surveyedOn: iso(surveyed),
    participants: JSON.stringify([
      { name: headName, role: kind === 'organisation' ? 'Đại diện tổ chức' : 'Đại diện hộ' },
      { name: `Tổ kiểm đếm Mẫu số ${rng.int(1, 6)}`, role: 'Tổ kiểm đếm' },
      { name: `Cán bộ địa chính Mẫu ${commune.kind} ${commune.name}`, role: `UBND ${commune.kind}` },
    ]),
    signedAt,
    signedBy: ctx.actorId,
  });
  generateItems(rng, b, inventoryId, parcels, hasHome, kind, notice, surveyed);
}

function generateParcel(
  rng: Rng,
  b: Batch,
  caseId: string,
  commune: Commune,
  profile: LandTypeProfile,
): GeneratedParcel {
  // Parcels of a case lie next to each other on the alignment: numbers climb along a map sheet, then the next sheet.
  commune.number += rng.int(1, 4);
  if (commune.number > 999) {
    commune.sheet += rng.int(1, 3);
    commune.number = rng.int(1, 20);
  }
  // Areas in tenths of m² (integers): 50–5000 m² with at most one decimal.
  const measured = rng.chance(0.4)
    ? rng.int(profile.min / 10, profile.max / 10) * 10
    : rng.int(profile.min, profile.max);
  const recovered = rng.chance(0.45) ? measured : rng.int(Math.max(1, Math.floor(measured / 5)), measured);
  const certified = rng.chance(0.7);
  const drift = Math.floor(measured / 30);
  const legal = certified ? Math.max(1, measured + rng.int(-drift, drift)) : null;
  let landUses: { landTypeCode: string; area: string; recoveredArea: string }[];
  if (profile.residential && measured > 2000 && rng.chance(0.5)) {
    // A residential parcel with a garden: ONT up to the allocation limit, the rest CLN.
    const ont = rng.int(1000, Math.min(4000, measured - 500));
    const ontRecovered = Math.min(recovered, ont);
    landUses = [
      { landTypeCode: profile.code, area: dec(ont), recoveredArea: dec(ontRecovered) },
      { landTypeCode: 'CLN', area: dec(measured - ont), recoveredArea: dec(recovered - ontRecovered) },
    ];
  } else {
    landUses = [{ landTypeCode: profile.code, area: dec(measured), recoveredArea: dec(recovered) }];
  }
  const ineligible = rng.chance(0.08);
  push(b.parcels, {
    caseId,
    communeId: commune.id,
    mapSheet: String(commune.sheet),
    parcelNumber: String(commune.number),
    landType: profile.code,
    legalArea: legal === null ? null : dec(legal),
    measuredArea: dec(measured),
    recoveredArea: dec(recovered),
    landUses: JSON.stringify(landUses),
    position: rng.weighted(['VT1', 'VT2', 'VT3'], (p) => (p === 'VT1' ? 30 : p === 'VT2' ? 40 : 30)),
    origin: ineligible ? rng.pick(INELIGIBLE_ORIGINS) : rng.pick(profile.origins),
    eligible: !ineligible,
    certificate: certified ? `MẪU ${String(rng.int(0, 999_999)).padStart(6, '0')}` : '',
  });
  return { profile, recovered };
}

// ---------------------------------------------------------------------------------------------------------------
// Inventory items
// ---------------------------------------------------------------------------------------------------------------

interface Item {
  kind: string;
  itemCode: string;
  description: string;
  quantity: string;
  unit: string;
  attributes: Record<string, string | number | boolean>;
  firstRecordedOn?: string;
}

function generateItems(
  rng: Rng,
  b: Batch,
  inventoryId: string,
  parcels: GeneratedParcel[],
  hasHome: boolean,
  kind: string,
  notice: number,
  surveyed: number,
): void {
  // 3–12 things counted, about 8 on average.
  const target = rng.weighted(ITEM_COUNTS, (k) => ITEM_COUNT_WEIGHTS[k - 3]);
  const items: Item[] = [];
  const codes = new Set<string>();
  const add = (item: Item | null) => {
    if (item && !codes.has(item.itemCode) && items.length < target) {
      codes.add(item.itemCode);
      items.push(item);
    }
  };
  const farmland = parcels.filter((p) => !p.profile.residential && !p.profile.business);
  const maxFarm = farmland.reduce((m, p) => Math.max(m, p.recovered), 0);

  if (hasHome || kind === 'organisation') {
    add(house(rng, kind === 'organisation'));
    if (rng.chance(0.7)) add(structure(rng, 'BEP-C4', 'Bếp, tường gạch, mái ngói', 8, 25, 'm2'));
    if (rng.chance(0.6)) add(structure(rng, 'SAN-BT', 'Sân láng xi măng / bê tông', 15, 120, 'm2'));
    if (rng.chance(0.4)) add(structure(rng, 'TUONG-RAO', 'Tường rào xây gạch chỉ', 10, 60, 'm2'));
    if (rng.chance(0.3)) {
      const depth = rng.int(4, 15);
      const diameterCm = rng.int(80, 120);
      // The remaining quality the survey team records (NĐ 47/2014 Đ9), from the draws above: no new draw, so the
      // rest of the generated data stays what it was.
      add({
        kind: 'structure',
        itemCode: 'GIENG-DAO',
        description: 'Giếng đào, thành xây gạch',
        quantity: String(depth),
        unit: 'm',
        attributes: { diameterCm, qualityPercent: 40 + ((depth * 7 + diameterCm) % 51) },
      });
    }
    if (rng.chance(0.3)) add(structure(rng, 'CHUONG-TRAI', 'Chuồng trại chăn nuôi, khung gỗ, mái tôn', 6, 40, 'm2'));
  }
  if (rng.chance(0.1)) add(grave(rng));
  for (let guard = 0; items.length < target && guard < 200; guard++) {
    const p = rng.pick(parcels);
    const code = p.profile.code;
    let item: Item;
    if (code === 'LUC' || code === 'LUK') item = crop(rng, 'LUA', 'Lúa', p.recovered);
    else if (code === 'BHK' || code === 'HNK' || code === 'NHK')
      item = crop(rng, rng.pick(['NGO', 'SAN', 'RAU-MAU', 'LAC']), '', p.recovered);
    else if (code === 'NTS') item = rng.chance(0.5) ? aquaculture(rng, p.recovered) : tree(rng, GARDEN_TREES);
    else if (code === 'RSX') item = tree(rng, FOREST_TREES);
    else if (code === 'CLN' || code === 'ONT') item = tree(rng, GARDEN_TREES);
    else item = tree(rng, rng.chance(0.5) ? GARDEN_TREES : FOREST_TREES);
    // Once the field's crop is counted, what is left on it are trees on the banks and edges.
    if (codes.has(item.itemCode)) item = tree(rng, code === 'RSX' ? FOREST_TREES : GARDEN_TREES);
    add(item);
    if (rng.chance(0.02)) add(livestock(rng));
    if (maxFarm > 0 && rng.chance(0.05)) add(crop(rng, 'NGO', '', maxFarm));
  }

  items.forEach((item, k) => {
    // A few plants appear between the notice and the survey: flagged, not compensable (LĐĐ 2024 Đ105 k2).
    let first = item.firstRecordedOn ?? null;
    if (!first && (item.kind === 'tree' || item.kind === 'crop') && surveyed - notice > 2 && rng.chance(0.015))
      first = iso(rng.int(notice + 1, surveyed - 1));
    push(b.items, {
      inventoryId,
      position: k + 1,
      kind: item.kind,
      itemCode: item.itemCode,
      description: item.description,
      quantity: item.quantity,
      unit: item.unit,
      attributes: JSON.stringify(item.attributes),
      firstRecordedOn: first,
      afterNotice: first !== null && first > iso(notice),
    });
  });
}

function house(rng: Rng, office: boolean): Item {
  const c3 = office || rng.chance(0.15);
  const yearBuilt = rng.int(1980, 2022);
  const area = rng.int(c3 ? 600 : 300, c3 ? 2500 : 1500); // tenths of m²
  return {
    kind: 'structure',
    itemCode: c3 ? 'NHA-C3' : 'NHA-C4',
    description: c3
      ? 'Nhà cấp 3, khung bê tông cốt thép, mái bằng'
      : rng.pick(['Nhà cấp 4, tường gạch, mái tôn', 'Nhà cấp 4, tường gạch, mái ngói', 'Nhà sàn gỗ, mái ngói']),
    quantity: dec(area),
    unit: 'm2',
    attributes: { grade: c3 ? 'C3' : 'C4', yearBuilt, qualityPercent: rng.int(50, 95), floors: c3 ? rng.int(2, 3) : 1 },
  };
}

function structure(rng: Rng, itemCode: string, description: string, minM2: number, maxM2: number, unit: string): Item {
  return {
    kind: 'structure',
    itemCode,
    description,
    quantity: dec(rng.int(minM2 * 10, maxM2 * 10)),
    unit,
    attributes: { yearBuilt: rng.int(1990, 2022), qualityPercent: rng.int(40, 90) },
  };
}

function crop(rng: Rng, code: string, name: string, recovered: number): Item {
  const label = name || CROPS[code] || code;
  const area = rng.chance(0.5) ? recovered : rng.int(Math.max(1, Math.floor(recovered / 3)), recovered);
  return {
    kind: 'crop',
    itemCode: code,
    description: `${label} (trồng trên diện tích thu hồi)`,
    quantity: dec(area),
    unit: 'm2',
    attributes: { crop: label.toLowerCase() },
  };
}

function tree(rng: Rng, pool: TreeSpecies[]): Item {
  const sp = rng.pick(pool);
  const size = rng.pick(sp.sizes);
  const quantity = sp.unit === 'bụi' ? rng.int(1, 15) : rng.int(1, sp.forest ? 400 : 40);
  return {
    kind: 'tree',
    itemCode: `CAY-${sp.code}-${size}`,
    description: `Cây ${sp.name} loại ${size} (${SIZE_LABELS[size]})`,
    quantity: String(quantity),
    unit: sp.unit,
    attributes: { species: sp.name, sizeClass: size },
  };
}

function grave(rng: Rng): Item {
  const built = rng.chance(0.6);
  return {
    kind: 'grave',
    itemCode: built ? 'MO-XAY' : 'MO-DAT',
    description: built ? 'Mộ xây gạch, có bia' : 'Mộ đất',
    quantity: String(rng.weighted([1, 2, 3], (k) => (k === 1 ? 70 : k === 2 ? 22 : 8))),
    unit: 'ngôi',
    attributes: { relocation: true },
  };
}

function aquaculture(rng: Rng, recovered: number): Item {
  return {
    kind: 'livestock',
    itemCode: 'CA-AO',
    description: 'Cá nuôi trong ao (chi phí thu hoạch sớm, di chuyển)',
    quantity: dec(rng.int(Math.max(1, Math.floor(recovered / 2)), recovered)),
    unit: 'm2',
    attributes: { aquaculture: true },
  };
}

function livestock(rng: Rng): Item {
  return rng.chance(0.5)
    ? {
        kind: 'livestock',
        itemCode: 'LON',
        description: 'Lợn thịt (chi phí di chuyển)',
        quantity: String(rng.int(2, 20)),
        unit: 'con',
        attributes: { relocation: true },
      }
    : {
        kind: 'livestock',
        itemCode: 'GIA-CAM',
        description: 'Gà, vịt (chi phí di chuyển)',
        quantity: String(rng.int(10, 80)),
        unit: 'con',
        attributes: { relocation: true },
      };
}

// ---------------------------------------------------------------------------------------------------------------
// Reference lists (fictitious people, real-looking things)
// ---------------------------------------------------------------------------------------------------------------

interface LandTypeProfile {
  code: string;
  weight: number;
  min: number; // tenths of m²
  max: number;
  residential?: boolean;
  business?: boolean;
  origins: string[];
}

const FARM_ORIGINS = [
  'Được giao theo Nghị định 64/CP năm 1994, đã được cấp Giấy chứng nhận',
  'Nhận thừa kế của bố mẹ, sử dụng ổn định từ trước ngày 15/10/1993',
  'Nhận chuyển nhượng năm 2009, đã được cấp Giấy chứng nhận',
  'Khai hoang, sử dụng ổn định từ năm 1998, không tranh chấp (UBND xã xác nhận)',
];
const LAND_TYPE_PROFILES: LandTypeProfile[] = [
  {
    code: 'ONT',
    weight: 0,
    min: 800,
    max: 6000,
    residential: true,
    origins: [
      'Đất ở được UBND huyện giao năm 2003, đã được cấp Giấy chứng nhận',
      'Nhận thừa kế của bố mẹ, sử dụng ổn định từ trước ngày 15/10/1993',
      'Nhận chuyển nhượng năm 2012, đã được cấp Giấy chứng nhận',
    ],
  },
  { code: 'LUC', weight: 18, min: 500, max: 25000, origins: FARM_ORIGINS },
  { code: 'LUK', weight: 10, min: 500, max: 20000, origins: FARM_ORIGINS },
  { code: 'BHK', weight: 14, min: 500, max: 30000, origins: FARM_ORIGINS },
  { code: 'HNK', weight: 5, min: 500, max: 30000, origins: FARM_ORIGINS },
  { code: 'NHK', weight: 4, min: 1000, max: 40000, origins: FARM_ORIGINS },
  { code: 'CLN', weight: 20, min: 800, max: 40000, origins: FARM_ORIGINS },
  {
    code: 'RSX',
    weight: 20,
    min: 5000,
    max: 50000,
    origins: [
      'Được giao đất lâm nghiệp theo Nghị định 163/1999/NĐ-CP',
      'Nhận khoán của lâm trường, đã chuyển sang giao đất năm 2006',
      ...FARM_ORIGINS.slice(2),
    ],
  },
  { code: 'NTS', weight: 5, min: 1000, max: 30000, origins: FARM_ORIGINS },
  {
    code: 'SKC',
    weight: 0,
    min: 2000,
    max: 50000,
    business: true,
    origins: ['Được UBND tỉnh cho thuê đất trả tiền hằng năm từ năm 2010'],
  },
];
const INELIGIBLE_ORIGINS = [
  'Lấn chiếm hành lang an toàn giao thông sau ngày 01/7/2004',
  'Đất công ích của xã do hộ thuê, trả tiền thuê hằng năm',
  'Tự chuyển mục đích sử dụng sau ngày 01/7/2014, không được phép',
];

const FAMILY_NAMES = [
  'Nông',
  'Hoàng',
  'Lương',
  'Vi',
  'Lăng',
  'Hà',
  'Lộc',
  'Chu',
  'Triệu',
  'Mã',
  'Lý',
  'Đinh',
  'Vy',
  'Bế',
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Dương',
  'Hứa',
];
const MALE_MIDDLE = ['Văn', 'Văn', 'Văn', 'Đức', 'Xuân', 'Minh', 'Quốc'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Diệu'];
const MALE_GIVEN = [
  'Lâm',
  'Hùng',
  'Dũng',
  'Tuấn',
  'Hải',
  'Sơn',
  'Phong',
  'Cường',
  'Thắng',
  'Bình',
  'Long',
  'Quang',
  'Tài',
  'Khánh',
  'Thành',
  'Nam',
];
const FEMALE_GIVEN = [
  'Lan',
  'Hoa',
  'Mai',
  'Hương',
  'Thu',
  'Nhung',
  'Hạnh',
  'Liên',
  'Thảo',
  'Yến',
  'Dung',
  'Ngân',
  'Hằng',
  'Phượng',
];
const ORGANISATION_KINDS = ['Công ty TNHH', 'Công ty cổ phần', 'Hợp tác xã'];

interface TreeSpecies {
  code: string;
  name: string;
  unit: string;
  sizes: string[];
  forest?: boolean;
}
const GARDEN_TREES: TreeSpecies[] = [
  { code: 'HONG', name: 'hồng', unit: 'cây', sizes: ['A', 'B', 'C', 'D'] },
  { code: 'NA', name: 'na', unit: 'cây', sizes: ['A', 'B', 'C'] },
  { code: 'HOI', name: 'hồi', unit: 'cây', sizes: ['A', 'B', 'C', 'D'] },
  { code: 'VAI', name: 'vải', unit: 'cây', sizes: ['A', 'B', 'C'] },
  { code: 'MIT', name: 'mít', unit: 'cây', sizes: ['A', 'B', 'C'] },
  { code: 'BUOI', name: 'bưởi', unit: 'cây', sizes: ['A', 'B', 'C'] },
  { code: 'TRE', name: 'tre', unit: 'bụi', sizes: ['A', 'B'] },
];
const FOREST_TREES: TreeSpecies[] = [
  { code: 'BACH-DAN', name: 'bạch đàn', unit: 'cây', sizes: ['A', 'B', 'C', 'D'], forest: true },
  { code: 'KEO', name: 'keo', unit: 'cây', sizes: ['A', 'B', 'C', 'D'], forest: true },
  { code: 'THONG', name: 'thông', unit: 'cây', sizes: ['A', 'B', 'C'], forest: true },
  { code: 'QUE', name: 'quế', unit: 'cây', sizes: ['A', 'B', 'C'], forest: true },
];
const SIZE_LABELS: Record<string, string> = {
  A: 'mới trồng, chưa cho thu hoạch',
  B: 'đường kính gốc 5–10 cm',
  C: 'đường kính gốc 10–20 cm',
  D: 'đường kính gốc trên 20 cm',
};
const ITEM_COUNTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const ITEM_COUNT_WEIGHTS = [6, 7, 8, 9, 10, 11, 12, 13, 12, 12];
const CROPS: Record<string, string> = { LUA: 'Lúa', NGO: 'Ngô', SAN: 'Sắn', 'RAU-MAU': 'Rau màu', LAC: 'Lạc' };

function personName(rng: Rng, male: boolean): string {
  return male
    ? `${rng.pick(MALE_MIDDLE)} ${rng.pick(MALE_GIVEN)}`
    : `${rng.pick(FEMALE_MIDDLE)} ${rng.pick(FEMALE_GIVEN)}`;
}

/** 099 (not a province code) + gender/century digit + two digits of the birth year + 6 digits; unique. */
function newCccd(rng: Rng, used: Set<string>, male: boolean, birthYear: number): string {
  const century = (birthYear >= 2000 ? 2 : 0) + (male ? 0 : 1);
  const head = `099${century}${String(birthYear % 100).padStart(2, '0')}`;
  for (;;) {
    const cccd = head + String(rng.int(0, 999_999)).padStart(6, '0');
    if (!used.has(cccd)) {
      used.add(cccd);
      return cccd;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers: PRNG, dates as day numbers, decimals from tenths
// ---------------------------------------------------------------------------------------------------------------

/** mulberry32: small, fast, deterministic. Not for anything secret. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T>(items: readonly T[], weight: (t: T) => number): T {
    const sum = items.reduce((s, t) => s + weight(t), 0);
    let r = this.next() * sum;
    for (const t of items) {
      r -= weight(t);
      if (r < 0) return t;
    }
    return items[items.length - 1];
  }
}

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const DAY_MS = 86_400_000;
const day = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
const iso = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
const pad2 = (n: number): string => String(n).padStart(2, '0');
const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));

/** Tenths of m² (an integer) as an exact decimal string: 12345 → "1234.5", 12340 → "1234". */
function dec(tenths: number): string {
  const whole = Math.floor(tenths / 10);
  const digit = tenths % 10;
  return digit === 0 ? String(whole) : `${whole}.${digit}`;
}
