/**
 * The panel's messages: react-admin's Indonesian is complete against ra-language-english, and
 * every folder's messages.ts (and the app's) has the same keys in Indonesian and English.
 * Pure: no server, no browser.
 */
import fs from 'fs';
import path from 'path';
import englishMessages from 'ra-language-english';
import { appMessages } from '../../admin/src/i18n/app';
import { raIndonesian } from '../../admin/src/i18n/id';
import { leafKeys, mergeMessages, type FolderMessages, type MessageTree } from '../../admin/src/i18n/merge';

const src = path.join(__dirname, '..', '..', 'admin', 'src');
const folders = fs.readdirSync(src).filter((d) => fs.existsSync(path.join(src, d, 'messages.ts')));

test('react-admin messages: Indonesian has exactly the keys of ra-language-english', () => {
  expect(leafKeys(raIndonesian as unknown as MessageTree)).toEqual(leafKeys(englishMessages as unknown as MessageTree));
});

test('react-admin messages: Indonesian is translated, not copied', () => {
  const en = englishMessages as unknown as MessageTree;
  const id = raIndonesian as unknown as MessageTree;
  const get = (t: MessageTree, k: string) => k.split('.').reduce<any>((o, p) => o?.[p], t);
  // Texts that read the same in both languages (placeholders only, "Email", a blank).
  const same = leafKeys(id).filter((k) => get(id, k) === get(en, k));
  expect(same.sort()).toEqual(['ra.auth.email', 'ra.boolean.null', 'ra.page.edit', 'ra.page.list', 'ra.page.show'].sort());
});

test('placeholders (%{…}) are kept in every Indonesian message', () => {
  const en = englishMessages as unknown as MessageTree;
  const get = (t: MessageTree, k: string) => k.split('.').reduce<any>((o, p) => o?.[p], t) as string;
  const vars = (s: string) => [...new Set(s.match(/%\{\w+\}/g) ?? [])].sort();
  for (const key of leafKeys(raIndonesian as unknown as MessageTree)) {
    expect({ key, vars: vars(get(raIndonesian as unknown as MessageTree, key)) }).toEqual({ key, vars: vars(get(en, key)) });
  }
});

test.each([['app (i18n/app.ts)', appMessages] as const, ...folders.map((f) => [f, require(path.join(src, f, 'messages.ts')).messages as FolderMessages] as const)])(
  'messages of %s: same keys in Indonesian and English',
  (_name, messages) => {
    expect(leafKeys(messages.en)).toEqual(leafKeys(messages.id));
    expect(leafKeys(messages.id).length).toBeGreaterThan(0);
  },
);

test('mergeMessages merges deeply, later folders adding to earlier ones', () => {
  const merged = mergeMessages({ resources: { cases: { name: 'Kasus' } } }, { resources: { applicants: { name: 'Pemohon' } } });
  expect(merged).toEqual({ resources: { cases: { name: 'Kasus' }, applicants: { name: 'Pemohon' } } });
});
