import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import { Finding, Severity } from '../../importer/engine/schema/dossier';
import { FLAG_FILL } from '../flags/look';
import { FindingGroup, findingsCount, placeLabel, severityLabel } from './view';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, width: '100%' },
  title: { flexGrow: 1, textAlign: 'left' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    width: '100%',
    textAlign: 'left',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { border: `1px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  place: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  message: { overflowWrap: 'anywhere' },
  // the icon sits on the fill its cells have in the grid, so the pane and the grid match
  swatch: { display: 'inline-flex', alignItems: 'center', justifyContent: 'center', flexShrink: 0, width: '20px', height: '20px', borderRadius: tokens.borderRadiusSmall, border: '1px solid rgba(0, 0, 0, 0.25)' },
});

/** The glyph's colour on each fill: a dark shade of the same hue, readable on it (contrast over 4.5:1). */
export const SEVERITY_GLYPH: Record<Severity, string> = { error: '#A4262C', warning: '#7A4D00', info: '#0B4F8A' };

export function SeverityIcon({ severity }: { severity: Severity }) {
  const s = useStyles();
  const Icon = severity === 'error' ? ErrorCircle16Filled : severity === 'warning' ? Warning16Filled : Info16Filled;
  return (
    <span className={s.swatch} style={{ backgroundColor: FLAG_FILL[severity], color: SEVERITY_GLYPH[severity] }} data-severity={severity} role="img" aria-label={severityLabel(severity).toLowerCase()}>
      <Icon />
    </span>
  );
}

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

interface Props {
  groups: FindingGroup[];
  selected?: Finding;
  onSelect(f: Finding): void;
}

/** Findings grouped by rule and severity; a click selects the finding's cell in the grid. */
export function FindingsView({ groups, selected, onSelect }: Props) {
  const s = useStyles();
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.slice(0, 1).map((g) => g.key)}>
      {groups.map((g) => (
        <AccordionItem key={g.key} value={g.key}>
          <AccordionHeader size="small">
            <span className={s.header}>
              <SeverityIcon severity={g.severity} />
              <span className={s.title} title={`Controllo ${g.rule}`}>
                {severityLabel(g.severity)} · {g.title}
              </span>
              <Badge appearance="tint" color={BADGE[g.severity]} aria-label={findingsCount(g.findings.length)}>
                {g.findings.length}
              </Badge>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <Caption1 block>{g.docs}</Caption1>
            <ul className={s.list}>
              {g.findings.map((f, i) => (
                <li key={`${f.sheet}!${f.cell}#${i}`}>
                  <button
                    type="button"
                    className={mergeClasses(s.item, selected === f && s.selected)}
                    onClick={() => onSelect(f)}
                    title={`Vai alla cella ${f.cell} del foglio ${f.sheet}`}
                  >
                    <span className={s.place}>{placeLabel(f)}</span>
                    <span className={s.message}>{f.message}</span>
                  </button>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
