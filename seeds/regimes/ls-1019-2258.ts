import type { CaseMachineDef } from '../../src/modules/regimes/domain/case-machine.js';
import type { PlanMachineDef } from '../../src/modules/regimes/domain/plan-machine.js';
import type { RuleBases } from '../../src/modules/compensation/domain/calculator.js';

/**
 * Case machine of the Lạng Sơn 1019/2258 regime (2013 Land Law), procedure.md §4 steps 3–20a and §6.1: notice,
 * inventory (with the forced-survey path), origin, approval, service of the decision, payment (with the refusal →
 * persuasion → Treasury deposit path), handover (with the refusal → persuasion → enforcement path). Steps marked
 * `automatic` are taken by the system as the consequence of another act (a signed inventory, an approval, a payment
 * that settles the case, a handover that completes it). Data, not code: a new regime is a new definition like this one.
 */
export const LS_1019_2258_CASE_MACHINE: CaseMachineDef = {
  initial: 'IDENTIFIED',
  states: {
    IDENTIFIED: { label: 'Trong ranh giới thu hồi' },
    NOTIFIED: { label: 'Đã nhận thông báo thu hồi đất' },
    SURVEY_REFUSED: { label: 'Không phối hợp điều tra, kiểm đếm' },
    PERSUADING_SURVEY: { label: 'Đang vận động, thuyết phục kiểm đếm' },
    FORCED_SURVEY_ORDERED: { label: 'Đã có quyết định kiểm đếm bắt buộc' },
    FORCED_SURVEY_ENFORCEMENT: { label: 'Đang cưỡng chế thực hiện quyết định kiểm đếm bắt buộc' },
    SURVEYED: { label: 'Đã kiểm đếm' },
    ORIGIN_CONFIRMED: { label: 'Đã xác nhận nguồn gốc đất' },
    APPROVED: { label: 'Đã có quyết định thu hồi đất và phê duyệt phương án' },
    DECISION_SERVED: { label: 'Đã giao quyết định cho người có đất thu hồi' },
    PAYMENT_NOTIFIED: { label: 'Đã thông báo chi trả' },
    PAYMENT_REFUSED: { label: 'Không nhận tiền bồi thường, hỗ trợ' },
    PERSUADING_PAYMENT: { label: 'Đang vận động nhận tiền' },
    PAID: { label: 'Đã nhận đủ tiền bồi thường, hỗ trợ' },
    DEPOSITED: { label: 'Đã gửi tiền vào tài khoản tạm giữ tại Kho bạc' },
    HANDOVER_REFUSED: { label: 'Không bàn giao mặt bằng' },
    PERSUADING_HANDOVER: { label: 'Đang vận động bàn giao mặt bằng' },
    ENFORCEMENT_ORDERED: { label: 'Đã có quyết định cưỡng chế thu hồi đất' },
    ENFORCED: { label: 'Đã tổ chức cưỡng chế thu hồi đất' },
    HANDED_OVER: { label: 'Đã bàn giao mặt bằng' },
  },
  actions: {
    deliver_notice: {
      label: 'Giao thông báo thu hồi đất',
      from: ['IDENTIFIED'],
      to: 'NOTIFIED',
      roles: ['center_staff', 'center_lead', 'commune_officer'],
      requiresDocument: true,
    },
    refuse_survey: {
      label: 'Ghi nhận không phối hợp kiểm đếm',
      from: ['NOTIFIED'],
      to: 'SURVEY_REFUSED',
      roles: ['center_staff', 'center_lead', 'commune_officer'],
    },
    persuade_survey: {
      label: 'Lập biên bản vận động, thuyết phục',
      from: ['SURVEY_REFUSED', 'PERSUADING_SURVEY'],
      to: 'PERSUADING_SURVEY',
      roles: ['center_staff', 'center_lead', 'commune_officer'],
      requiresDocument: true,
    },
    order_forced_survey: {
      label: 'Ghi nhận quyết định kiểm đếm bắt buộc',
      from: ['PERSUADING_SURVEY'],
      to: 'FORCED_SURVEY_ORDERED',
      // The Chairman of the district decides it (LĐĐ 2013 Đ69 k1 d); the Center proposes.
      roles: ['district_leader'],
      requiresDocument: true,
      wait: {
        afterAction: 'persuade_survey',
        days: 10,
        code: 'CASE.PERSUASION_PERIOD_NOT_OVER',
        basis: 'Điều 69 khoản 1 điểm d Luật Đất đai 2013',
      },
    },
    enforce_forced_survey: {
      label: 'Ghi nhận quyết định cưỡng chế thực hiện kiểm đếm bắt buộc',
      from: ['FORCED_SURVEY_ORDERED'],
      to: 'FORCED_SURVEY_ENFORCEMENT',
      roles: ['center_lead', 'district_leader'],
      requiresDocument: true,
    },
    inventory_signed: {
      label: 'Ký biên bản kiểm đếm',
      from: ['NOTIFIED', 'SURVEY_REFUSED', 'PERSUADING_SURVEY', 'FORCED_SURVEY_ORDERED', 'FORCED_SURVEY_ENFORCEMENT'],
      to: 'SURVEYED',
      roles: [],
      automatic: true,
    },
    plan_approved: {
      label: 'Phê duyệt phương án và thu hồi đất (cùng ngày)',
      from: ['SURVEYED', 'ORIGIN_CONFIRMED'],
      to: 'APPROVED',
      roles: [],
      automatic: true,
    },
    confirm_origin: {
      label: 'Xác nhận nguồn gốc đất, nhân khẩu',
      from: ['SURVEYED'],
      to: 'ORIGIN_CONFIRMED',
      roles: ['commune_officer', 'center_staff', 'center_lead'],
      requiresDocument: true,
    },
    // Step 17: the decision is delivered to the household (biên bản giao quyết định), LĐĐ 2013 Đ69 k3 b.
    serve_decision: {
      label: 'Giao quyết định thu hồi đất, phê duyệt phương án cho người có đất',
      from: ['APPROVED'],
      to: 'DECISION_SERVED',
      roles: ['center_staff', 'center_lead', 'commune_officer'],
      requiresDocument: true,
    },
    // Step 18: thông báo chi trả (time and place), issued by POST /cases/:id/payment-notices; a later notice
    // (new session) keeps the case here.
    notify_payment: {
      label: 'Thông báo chi trả (thời gian, địa điểm)',
      from: ['APPROVED', 'DECISION_SERVED', 'PAYMENT_NOTIFIED'],
      to: 'PAYMENT_NOTIFIED',
      roles: [],
      automatic: true,
    },
    refuse_payment: {
      label: 'Lập biên bản không nhận tiền',
      from: ['PAYMENT_NOTIFIED'],
      to: 'PAYMENT_REFUSED',
      roles: ['center_staff', 'center_lead'],
      requiresDocument: true,
    },
    persuade_payment: {
      label: 'Lập biên bản vận động nhận tiền',
      from: ['PAYMENT_REFUSED', 'PERSUADING_PAYMENT'],
      to: 'PERSUADING_PAYMENT',
      roles: ['center_staff', 'center_lead', 'commune_officer'],
      requiresDocument: true,
    },
    // Taken when the payments recorded reach the approved net amount (LĐĐ 2013 Đ93 k1).
    payment_completed: {
      label: 'Nhận đủ tiền bồi thường, hỗ trợ',
      from: ['PAYMENT_NOTIFIED', 'PAYMENT_REFUSED', 'PERSUADING_PAYMENT'],
      to: 'PAID',
      roles: [],
      automatic: true,
    },
    // Money refused after persuasion goes to the Treasury holding account (LĐĐ 2013 Đ93 k3).
    deposit_recorded: {
      label: 'Gửi tiền vào tài khoản tạm giữ tại Kho bạc Nhà nước',
      from: ['PAYMENT_REFUSED', 'PERSUADING_PAYMENT'],
      to: 'DEPOSITED',
      roles: [],
      automatic: true,
    },
    refuse_handover: {
      label: 'Lập biên bản không bàn giao mặt bằng',
      from: ['PAID', 'DEPOSITED'],
      to: 'HANDOVER_REFUSED',
      roles: ['center_staff', 'center_lead'],
      requiresDocument: true,
    },
    persuade_handover: {
      label: 'Lập biên bản vận động, thuyết phục bàn giao mặt bằng',
      from: ['HANDOVER_REFUSED', 'PERSUADING_HANDOVER'],
      to: 'PERSUADING_HANDOVER',
      roles: ['center_staff', 'center_lead', 'commune_officer'],
      requiresDocument: true,
    },
    // LĐĐ 2013 Đ71 k2: after persuasion by the commune, the Front and the Center, the Chairman of the district
    // decides enforcement (the system issues the decision when no number is given).
    order_enforcement: {
      label: 'Quyết định cưỡng chế thu hồi đất',
      from: ['PERSUADING_HANDOVER'],
      to: 'ENFORCEMENT_ORDERED',
      // The Chairman's power (LĐĐ 2013 Đ71 k3): the Center lead proposes, never decides (issue 18 §9).
      roles: ['district_leader'],
      requiresDocument: true,
    },
    // Recorded by POST /cases/:id/enforcement, on a date and hour the enforcement calendar allows.
    enforce: {
      label: 'Tổ chức cưỡng chế thu hồi đất',
      from: ['ENFORCEMENT_ORDERED'],
      to: 'ENFORCED',
      roles: [],
      automatic: true,
    },
    // Taken when the handovers recorded cover the whole recovered area (biên bản bàn giao mặt bằng).
    handover_completed: {
      label: 'Bàn giao mặt bằng',
      from: ['PAID', 'DEPOSITED', 'HANDOVER_REFUSED', 'PERSUADING_HANDOVER', 'ENFORCEMENT_ORDERED', 'ENFORCED'],
      to: 'HANDED_OVER',
      roles: [],
      automatic: true,
    },
  },
  // Enforcement may not be organised at these times (procedure.md §6.1 guard 6). The 2013 Law has no such list; the
  // Center applies the 2024 Law's, which repeats the practice of NĐ 166/2013 on administrative enforcement.
  enforcementCalendar: {
    earliestStart: '06:00',
    latestStart: '22:00',
    daysAroundTet: 15,
    basis:
      'Điểm b khoản 1 Điều 89 Luật Đất đai 2024 (không cưỡng chế từ 22 giờ đến 06 giờ sáng, ngày lễ, ngày Tết, ngày truyền thống của đồng bào dân tộc, 15 ngày trước và sau thời gian nghỉ Tết Nguyên đán)',
  },
};

/**
 * Plan workflow of the 1019/2258 regime (procedure.md §4 steps 9–17, §6.2): internal review, posting ≥ 20 days,
 * consultation, dialogue with those who disagree, appraisal by section (land chairs; crops and livestock; houses and
 * structures), approval by the district leader with the recovery decisions on the same day, publication.
 */
export const LS_1019_2258_PLAN_MACHINE: PlanMachineDef = {
  sections: {
    land: 'Phòng Tài nguyên và Môi trường (đất)',
    crops: 'Phòng Nông nghiệp và PTNT (cây trồng, vật nuôi)',
    structures: 'Phòng Kinh tế và Hạ tầng (nhà, công trình)',
  },
  states: {
    DRAFT: { label: 'Dự thảo', editable: true },
    INTERNAL_REVIEW: { label: 'Trung tâm rà soát' },
    POSTED: { label: 'Đang niêm yết' },
    POSTING_CLOSED: { label: 'Đã kết thúc niêm yết' },
    CONSULTED: { label: 'Đã lấy ý kiến' },
    IN_DIALOGUE: { label: 'Đang đối thoại' },
    FINALISED: { label: 'Đã hoàn thiện' },
    IN_APPRAISAL: { label: 'Đang thẩm định' },
    APPRAISED: { label: 'Đã thẩm định' },
    APPROVED: { label: 'Đã phê duyệt', frozen: true },
    PUBLISHED: { label: 'Đã công khai', frozen: true },
  },
  actions: {
    submit_review: {
      label: 'Trình rà soát nội bộ',
      from: ['DRAFT'],
      to: 'INTERNAL_REVIEW',
      roles: ['center_staff', 'center_lead'],
      rules: [{ kind: 'no_blocking_findings', code: 'PLAN.BLOCKING_FINDINGS' }],
    },
    return_to_draft: { label: 'Trả lại để sửa', from: ['INTERNAL_REVIEW'], to: 'DRAFT', roles: ['center_lead'] },
    post: { label: 'Niêm yết công khai', from: ['INTERNAL_REVIEW'], to: 'POSTED', roles: ['center_lead'] },
    close_posting: {
      label: 'Kết thúc niêm yết',
      from: ['POSTED'],
      to: 'POSTING_CLOSED',
      roles: ['center_staff', 'center_lead'],
      rules: [
        {
          kind: 'min_days_since_posting',
          days: 20,
          code: 'PLAN.POSTING_PERIOD_NOT_OVER',
          basis: 'niêm yết ít nhất 20 ngày, Điều 69 khoản 2 Luật Đất đai 2013',
        },
      ],
    },
    record_consultation: {
      label: 'Ghi nhận ý kiến (biên bản lấy ý kiến)',
      from: ['POSTING_CLOSED'],
      to: 'CONSULTED',
      roles: ['center_staff', 'center_lead'],
    },
    start_dialogue: {
      label: 'Tổ chức đối thoại',
      from: ['CONSULTED'],
      to: 'IN_DIALOGUE',
      roles: ['center_staff', 'center_lead'],
      rules: [{ kind: 'disagreement_exists', code: 'PLAN.NO_DISAGREEMENT' }],
    },
    record_dialogue: {
      label: 'Ghi nhận kết quả đối thoại',
      from: ['IN_DIALOGUE'],
      to: 'IN_DIALOGUE',
      roles: ['center_staff', 'center_lead'],
    },
    finalise: {
      label: 'Hoàn thiện phương án',
      from: ['CONSULTED', 'IN_DIALOGUE'],
      to: 'FINALISED',
      roles: ['center_lead'],
      rules: [{ kind: 'no_open_disagreement', code: 'PLAN.DISAGREEMENT_OPEN' }],
    },
    submit_appraisal: {
      label: 'Trình thẩm định',
      from: ['FINALISED'],
      to: 'IN_APPRAISAL',
      roles: ['center_lead'],
      rules: [{ kind: 'no_blocking_findings', code: 'PLAN.BLOCKING_FINDINGS' }],
    },
    appraise: {
      label: 'Thẩm định',
      from: ['IN_APPRAISAL'],
      to: 'APPRAISED',
      roles: ['land_office', 'agriculture_office', 'infrastructure_office'],
      sections: { land_office: 'land', agriculture_office: 'crops', infrastructure_office: 'structures' },
    },
    approve: {
      label: 'Phê duyệt phương án và thu hồi đất',
      from: ['APPRAISED'],
      to: 'APPROVED',
      roles: ['district_leader'],
      rules: [
        { kind: 'all_sections_agreed', code: 'PLAN.APPRAISAL_INCOMPLETE' },
        { kind: 'no_blocking_findings', code: 'PLAN.BLOCKING_FINDINGS' },
        {
          kind: 'notice_period',
          agriculturalDays: 90,
          nonAgriculturalDays: 180,
          code: 'PLAN.NOTICE_PERIOD_NOT_OVER',
          basis: 'Điều 67 khoản 1 Luật Đất đai 2013',
        },
        // The recovery decisions carry the approval's date, and the land is priced at them (issue 18 §10).
        { kind: 'priced_at_decision', code: 'PLAN.PRICED_AT_ANOTHER_DATE', basis: 'khoản 2 Điều 74 Luật Đất đai 2013' },
      ],
    },
    // The Chairman may decline to sign and send the plan back (to be recomputed at the decision's date, corrected…).
    send_back: { label: 'Trả lại để sửa, tính lại', from: ['APPRAISED'], to: 'DRAFT', roles: ['district_leader'] },
    publish: {
      label: 'Công khai quyết định, gửi từng hộ',
      from: ['APPROVED'],
      to: 'PUBLISHED',
      roles: ['center_staff', 'center_lead'],
    },
  },
};

/**
 * The legal basis of the rules a plan applies under 1019/2258, i.e. the 2013 Land Law and its decrees (NĐ 47/2014 on
 * compensation, support and resettlement; NĐ 45/2014 on land-use fees; TT 37/2014/TT-BTNMT).
 */
export const LS_1019_2258_BASES: RuleBases = {
  deduction: 'Khoản 4 Điều 93 Luật Đất đai 2013; Điều 30 Nghị định 47/2014/NĐ-CP',
  resettlementPlot:
    'Khoản 3 Điều 86 Luật Đất đai 2013 (tiền sử dụng đất tại nơi tái định cư); Điều 16 Nghị định 45/2014/NĐ-CP (ghi nợ)',
  structureRemainingQuality:
    'Điều 9 Nghị định 47/2014/NĐ-CP (giá trị hiện có theo tỷ lệ chất lượng còn lại ghi nhận khi kiểm đếm)',
  structureAge: 'Điều 3 Thông tư 37/2014/TT-BTNMT (giá trị hiện có theo thời gian đã sử dụng và niên hạn)',
  wholeDong: 'Số tiền chi trả là số nguyên đồng, phần lẻ làm tròn lên có lợi cho người có đất thu hồi',
};
