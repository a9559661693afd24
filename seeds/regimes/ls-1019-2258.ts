import type { CaseMachineDef } from '../../src/modules/regimes/domain/case-machine.js';

/**
 * Case machine of the Lạng Sơn 1019/2258 regime (2013 Land Law), up to the signed inventory and the origin
 * confirmation (procedure.md §4 steps 3–7, §6.1). Later steps (plan, approval, payment, handover) are added by the
 * workflow. Data, not code: a new regime is a new definition like this one.
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
      roles: ['center_lead', 'district_leader'],
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
    confirm_origin: {
      label: 'Xác nhận nguồn gốc đất, nhân khẩu',
      from: ['SURVEYED'],
      to: 'ORIGIN_CONFIRMED',
      roles: ['commune_officer', 'center_staff', 'center_lead'],
      requiresDocument: true,
    },
  },
};
