import { expect } from '@open-wc/testing';
import { ProgramInput, createUpward, playbooks, programFromPlaybook, type Purpose } from '../src/index.ts';
import { playbooks as german } from '../src/playbooks-de.ts';
import { memoryStore } from '../src/storage/memory-store.ts';

const purposes = Object.keys(playbooks) as Exclude<Purpose, 'custom'>[];
const dates = { kickoffDate: '2027-01-11', endDate: '2027-06-30' };

/** Every text of a playbook: what a translation must translate. */
function texts(p: ProgramInput): string[] {
  const { playbook: pb, agreementTemplate: at } = p;
  return [p.description ?? '', ...(p.goals ?? []), pb.where ?? '', ...(pb.talkingPoints ?? []), ...(pb.sessionRequirements ?? []), ...(pb.trainings ?? []).map((t) => t.title), at.communicationStatement, at.confidentialityStatement, ...(at.clauses ?? []).flatMap((c) => [c.title, c.text])].filter(Boolean);
}

/** Everything but the words (and how many texts there are): what the two languages must share. */
function settings(p: ProgramInput) {
  const { cadence, sessionMinutes, meetingModes } = p.playbook;
  return { purpose: p.purpose, cadence, sessionMinutes, meetingModes, rules: p.rules, matching: p.matching, format: p.format, textCount: texts(p).length };
}

describe('program language', () => {
  it('is English for a program stored before programs had a language', async () => {
    const store = memoryStore();
    const upward = createUpward({ store, actor: { personId: 'admin', isAdmin: true } });
    const { id } = await upward.programs.create(programFromPlaybook('inclusion', dates));
    // Rewrite the stored record as an older version of the SDK wrote it: without the field.
    await store.transaction(['programs'], 'readwrite', async (tx) => {
      const { language, ...older } = (await tx.get('programs', id))!;
      expect(language).to.equal('en');
      await tx.put('programs', older);
    });
    const read = await upward.programs.get(id);
    expect(read.language).to.equal('en');
    expect(read.version).to.equal(2, 'the rewritten record is the one read');
  });
});

describe('ready playbooks', () => {
  it('offers one per purpose in English and in German, each a valid program in its language that an admin can create', async () => {
    const upward = createUpward({ store: memoryStore(), actor: { personId: 'admin', isAdmin: true } });
    expect(Object.keys(german)).to.deep.equal(purposes);
    for (const purpose of purposes) {
      for (const [language, set] of [['en', playbooks], ['de', german]] as const) {
        const input = programFromPlaybook(purpose, dates, {}, set);
        expect(ProgramInput.safeParse(input).success, `${language} ${purpose}`).to.equal(true);
        const created = await upward.programs.create(input);
        expect(created).to.include({ purpose, language, name: set[purpose].name });
      }
    }
  });

  it('differs between the languages in its words only', () => {
    for (const purpose of purposes) {
      const en = programFromPlaybook(purpose, dates);
      const de = programFromPlaybook(purpose, dates, {}, german);
      expect(settings(de), purpose).to.deep.equal(settings(en));
      // No English sentence left behind in the German playbook.
      const english = new Set(texts(en));
      expect(texts(de).filter((t) => english.has(t)), purpose).to.deep.equal([]);
      expect(de.name).to.not.equal(en.name);
    }
  });

  it('copies, so changing a program made from a playbook leaves the playbook as it was', () => {
    const input = programFromPlaybook('inclusion', dates, {}, german);
    input.goals!.push('Changed');
    input.playbook.talkingPoints!.length = 0;
    expect(german.inclusion.goals).to.not.include('Changed');
    expect(german.inclusion.playbook.talkingPoints).to.have.length(3);
  });
});
