import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { repoRoot } from './paths';

const UID = 'api::letter-template.letter-template';

export interface LetterTemplateSeed {
  name?: string;
  sifat?: string;
  attachmentLabel?: string;
  subject: string;
  addressee?: string;
  body?: string;
  copies?: string;
  initialChain?: string;
  decreeTitle?: string;
  considering?: string;
  legalBasis?: string;
  decisions?: string;
}

export interface LetterTemplateSeedFile {
  kinds: Record<string, LetterTemplateSeed>;
  offices: Record<string, { kinds: string[]; signingPlace?: string }>;
}

export const letterTemplatesFile = path.join(repoRoot, 'database', 'seed', 'letter-templates.json');

export function loadLetterTemplateSeeds(): LetterTemplateSeedFile {
  return JSON.parse(fs.readFileSync(letterTemplatesFile, 'utf8'));
}

/** The default wording of a kind for an office (also what renders when an office has none). */
export function defaultLetterTemplate(kind: string, officeCode: string, seeds = loadLetterTemplateSeeds()) {
  const t = seeds.kinds[kind];
  if (!t) return undefined;
  return { ...t, kind, officeCode, signingPlace: seeds.offices[officeCode]?.signingPlace };
}

/** Creates each office's templates that are missing; an office's own edits are kept. */
export async function seedLetterTemplates(strapi: Core.Strapi, offices: Map<string, { documentId: string }>): Promise<number> {
  const seeds = loadLetterTemplateSeeds();
  let created = 0;
  for (const [officeCode, cfg] of Object.entries(seeds.offices)) {
    const office = offices.get(officeCode);
    if (!office) continue;
    for (const kind of cfg.kinds) {
      const existing = await strapi.db.query(UID).findOne({ where: { officeCode, kind } });
      if (existing) continue;
      await strapi.documents(UID).create({ data: { ...defaultLetterTemplate(kind, officeCode, seeds), office: office.documentId } as any });
      created += 1;
    }
  }
  return created;
}
