import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import { Finding, Severity } from '../../importer/engine/schema/dossier';
import { FindingGroup, placeLabel, severityLabel } from './view';

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
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
});

export function SeverityIcon({ severity }: { severity: Severity }) {
  const s = useStyles();
  if (severity === 'error') return <ErrorCircle16Filled className={s.error} aria-label="errore" />;
  if (severity === 'warning') return <Warning16Filled className={s.warning} aria-label="avviso" />;
  return <Info16Filled className={s.info} aria-label="nota" />;
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
    <Accordion multiple collapsible defaultOpenItems={groups.slice(0, 3).map((g) => g.key)}>
      {groups.map((g) => (
        <AccordionItem key={g.key} value={g.key}>
          <AccordionHeader size="small">
            <span className={s.header}>
              <SeverityIcon severity={g.severity} />
              <span className={s.title}>
                {severityLabel(g.severity)} · <code>{g.rule}</code>
              </span>
              <Badge appearance="tint" color={BADGE[g.severity]} aria-label={`${g.findings.length} segnalazioni`}>
                {g.findings.length}
              </Badge>
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <Caption1 block>{g.title}</Caption1>
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
                    <span>{f.message}</span>
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
