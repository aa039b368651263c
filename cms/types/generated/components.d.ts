import type { Schema, Struct } from '@strapi/strapi';

export interface CaseChecklistItem extends Struct.ComponentSchema {
  collectionName: 'components_case_checklist_items';
  info: {
    displayName: 'Butir kelengkapan';
    icon: 'check';
  };
  attributes: {
    checked: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    key: Schema.Attribute.String & Schema.Attribute.Required;
    label: Schema.Attribute.Text & Schema.Attribute.Required;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
  };
}

export interface OfficeCalendar extends Struct.ComponentSchema {
  collectionName: 'components_office_calendars';
  info: {
    displayName: 'Kalender layanan';
    icon: 'calendar';
  };
  attributes: {
    activeOnFirstOfNextMonth: Schema.Attribute.Boolean &
      Schema.Attribute.DefaultTo<true>;
    bpjsMutationDay: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 31;
          min: 1;
        },
        number
      >;
    holidays: Schema.Attribute.Component<'shared.holiday', true>;
    inputCutoffDay: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 31;
          min: 1;
        },
        number
      >;
    workingWeekdays: Schema.Attribute.JSON;
  };
}

export interface OfficeSla extends Struct.ComponentSchema {
  collectionName: 'components_office_slas';
  info: {
    displayName: 'Target layanan';
    icon: 'clock';
  };
  attributes: {
    complaintReplyHours: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<72>;
    dueSoonPercent: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          max: 99;
          min: 1;
        },
        number
      > &
      Schema.Attribute.DefaultTo<75>;
  };
}

export interface SharedChannel extends Struct.ComponentSchema {
  collectionName: 'components_shared_channels';
  info: {
    displayName: 'Saluran pengaduan';
    icon: 'message';
  };
  attributes: {
    kind: Schema.Attribute.Enumeration<
      [
        'website',
        'email',
        'phone',
        'whatsapp',
        'instagram',
        'facebook',
        'lapor',
        'box',
        'visit',
        'other',
      ]
    > &
      Schema.Attribute.Required;
    label: Schema.Attribute.String & Schema.Attribute.Required;
    value: Schema.Attribute.String;
  };
}

export interface SharedContactPerson extends Struct.ComponentSchema {
  collectionName: 'components_shared_contact_persons';
  info: {
    displayName: 'Penanggung jawab';
    icon: 'user';
  };
  attributes: {
    name: Schema.Attribute.String;
    nip: Schema.Attribute.String;
    phone: Schema.Attribute.String;
  };
}

export interface SharedHoliday extends Struct.ComponentSchema {
  collectionName: 'components_shared_holidays';
  info: {
    displayName: 'Hari libur';
    icon: 'calendar';
  };
  attributes: {
    date: Schema.Attribute.Date & Schema.Attribute.Required;
    name: Schema.Attribute.String & Schema.Attribute.Required;
  };
}

export interface SharedLink extends Struct.ComponentSchema {
  collectionName: 'components_shared_links';
  info: {
    displayName: 'Tautan';
    icon: 'link';
  };
  attributes: {
    label: Schema.Attribute.String & Schema.Attribute.Required;
    url: Schema.Attribute.String & Schema.Attribute.Required;
  };
}

export interface SharedListItem extends Struct.ComponentSchema {
  collectionName: 'components_shared_list_items';
  info: {
    displayName: 'Butir';
    icon: 'bulletList';
  };
  attributes: {
    text: Schema.Attribute.Text & Schema.Attribute.Required;
  };
}

export interface SharedOfficial extends Struct.ComponentSchema {
  collectionName: 'components_shared_officials';
  info: {
    displayName: 'Pejabat';
    icon: 'user';
  };
  attributes: {
    name: Schema.Attribute.String;
    nip: Schema.Attribute.String;
    rank: Schema.Attribute.String;
    title: Schema.Attribute.String;
  };
}

export interface SharedTimeSpan extends Struct.ComponentSchema {
  collectionName: 'components_shared_time_spans';
  info: {
    displayName: 'Waktu';
    icon: 'clock';
  };
  attributes: {
    amount: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    text: Schema.Attribute.String;
    unit: Schema.Attribute.Enumeration<
      ['minutes', 'hours', 'days', 'workdays', 'months']
    >;
  };
}

export interface SopActivity extends Struct.ComponentSchema {
  collectionName: 'components_sop_activities';
  info: {
    displayName: 'Kegiatan';
    icon: 'apps';
  };
  attributes: {
    effect: Schema.Attribute.Enumeration<
      [
        'none',
        'requirements-check',
        'village-recap',
        'district-recap',
        'office-recap',
        'bpjs-send',
        'bpjs-result',
        'letter-draft',
        'letter-initial',
        'letter-sign',
        'handover',
        'assessment',
        'archive',
      ]
    > &
      Schema.Attribute.DefaultTo<'none'>;
    executor: Schema.Attribute.String & Schema.Attribute.Required;
    initialRoles: Schema.Attribute.JSON;
    letterKind: Schema.Attribute.String;
    next: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    noLabel: Schema.Attribute.Text;
    noNext: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    notes: Schema.Attribute.Text;
    number: Schema.Attribute.Integer &
      Schema.Attribute.Required &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
    output: Schema.Attribute.Text;
    requirements: Schema.Attribute.Text;
    symbol: Schema.Attribute.Enumeration<
      ['start', 'process', 'decision', 'end']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'process'>;
    text: Schema.Attribute.Text & Schema.Attribute.Required;
    timeAmount: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    timeText: Schema.Attribute.String;
    timeUnit: Schema.Attribute.Enumeration<
      ['minutes', 'hours', 'days', 'workdays', 'months']
    >;
    tracks: Schema.Attribute.JSON;
    yesLabel: Schema.Attribute.String;
    yesNext: Schema.Attribute.Integer &
      Schema.Attribute.SetMinMax<
        {
          min: 1;
        },
        number
      >;
  };
}

export interface SopExecutor extends Struct.ComponentSchema {
  collectionName: 'components_sop_executors';
  info: {
    displayName: 'Pelaksana';
    icon: 'user';
  };
  attributes: {
    external: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
    key: Schema.Attribute.String & Schema.Attribute.Required;
    label: Schema.Attribute.String & Schema.Attribute.Required;
    roles: Schema.Attribute.JSON;
  };
}

export interface SopTrack extends Struct.ComponentSchema {
  collectionName: 'components_sop_tracks';
  info: {
    description: 'Jalur yang dipilih per kasus (mis. emergency, reguler, mutasi, reaktivasi); kegiatan dapat dibatasi per jalur.';
    displayName: 'Jalur layanan';
    icon: 'route';
  };
  attributes: {
    bpjsSend: Schema.Attribute.Enumeration<['none', 'direct', 'monthly']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'none'>;
    key: Schema.Attribute.String & Schema.Attribute.Required;
    label: Schema.Attribute.String & Schema.Attribute.Required;
    priority: Schema.Attribute.Enumeration<['regular', 'emergency']> &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'regular'>;
    timeAmount: Schema.Attribute.Decimal &
      Schema.Attribute.SetMinMax<
        {
          min: 0;
        },
        number
      >;
    timeText: Schema.Attribute.String;
    timeUnit: Schema.Attribute.Enumeration<
      ['minutes', 'hours', 'days', 'workdays', 'months']
    >;
  };
}

export interface StandardRequirement extends Struct.ComponentSchema {
  collectionName: 'components_standard_requirements';
  info: {
    displayName: 'Persyaratan';
    icon: 'check';
  };
  attributes: {
    key: Schema.Attribute.String & Schema.Attribute.Required;
    required: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<true>;
    text: Schema.Attribute.Text & Schema.Attribute.Required;
    upload: Schema.Attribute.Boolean & Schema.Attribute.DefaultTo<false>;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'case.checklist-item': CaseChecklistItem;
      'office.calendar': OfficeCalendar;
      'office.sla': OfficeSla;
      'shared.channel': SharedChannel;
      'shared.contact-person': SharedContactPerson;
      'shared.holiday': SharedHoliday;
      'shared.link': SharedLink;
      'shared.list-item': SharedListItem;
      'shared.official': SharedOfficial;
      'shared.time-span': SharedTimeSpan;
      'sop.activity': SopActivity;
      'sop.executor': SopExecutor;
      'sop.track': SopTrack;
      'standard.requirement': StandardRequirement;
    }
  }
}
