import { isDirectChild } from '../objectives/codes';
import { LEVEL_NAMES_IT } from '../objectives/levels';
import { Rule } from './rule';

export const codeParentMismatch: Rule = {
  id: 'code-parent-mismatch',
  title: 'Codice sotto il padre sbagliato',
  severity: 'error',
  docs: {
    it: "Un codice non comincia con quello del livello superiore della sua riga (obiettivo sotto il padre sbagliato; programma fuori dalla sua missione).",
    en: "A code does not start with its parent's code (objective under the wrong parent; programme outside its missione).",
  },
  messages: {
    objective:
      "L'obiettivo {code} è collocato sotto {parentLevel} {parent}, ma il suo codice non ne deriva (atteso un codice {parent}.xx): collocazione o numerazione errata.",
    programme: 'Il programma {programme} non appartiene alla missione {mission} indicata nella stessa riga.',
  },
  check(ctx) {
    const byCode = new Map(ctx.model.objectives.map((o) => [o.code, o]));
    for (const o of ctx.model.objectives) {
      if (!o.parentCode || o.parentFrom === 'code' || o.parentFrom === 'none' || o.codeAssigned) continue;
      const parent = o.parentDraft ?? byCode.get(o.parentCode);
      // an assigned code says nothing of the numbering (one derived from the children does)
      if (parent?.codeAssigned && !parent.codeDerived) continue;
      // value codes (1, VP1) number their own line: mandates under them are not checked
      if (parent?.level === 'value' || o.level === 'value' || o.code.startsWith('VP')) continue;
      if (o.parentFrom === 'column' && !parent) continue; // code-unknown speaks of it
      if (isDirectChild(o.code, o.parentCode)) continue;
      ctx.report({
        at: o.at,
        messageId: 'objective',
        data: { code: o.code, parent: o.parentCode, parentLevel: parent ? `l'${LEVEL_NAMES_IT[parent.level]}` : "l'obiettivo" },
        related: o.parentAt ? [o.parentAt] : undefined,
        expected: `${o.parentCode}.xx`,
        actual: o.code,
      });
    }
    for (const o of ctx.model.objectives) {
      if (!o.mission || !o.programme || !o.programmeAt || o.programmeFrom) continue;
      if (o.programme.startsWith(`${o.mission}.`)) continue;
      ctx.report({
        at: o.programmeAt,
        messageId: 'programme',
        data: { programme: o.programme, mission: o.mission },
        related: o.missionAt ? [o.missionAt] : undefined,
        expected: `${o.mission}.xx`,
        actual: o.programme,
      });
    }
  },
};
