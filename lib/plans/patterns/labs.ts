import { ResolvedClassLabs } from '../../model/patterns/labs';
import { PatternOutput } from '../pattern-outputs';

/**
 * The labs pattern's outputs, from each lab's and the mirror's: `registry_urls` (by student),
 * `mirror_url`, and per student `student_<name>`, sensitive, with everything that student needs
 * (their registry's URL, UI and CA, their user and password, and the mirror's).
 */
export function labOutputs(
  p: ResolvedClassLabs,
  labs: Readonly<Record<string, Readonly<Record<string, PatternOutput>>>>,
  mirror: Readonly<Record<string, PatternOutput>> | undefined,
): Record<string, PatternOutput> {
  const value = (o: Readonly<Record<string, PatternOutput>> | undefined, name: string): unknown =>
    o?.[name]?.value;
  const passwordOf = (o: Readonly<Record<string, PatternOutput>> | undefined, student: string): unknown => {
    const creds = value(o, 'credentials') as Readonly<Record<string, unknown>> | undefined;
    return creds?.[student];
  };
  const out: Record<string, PatternOutput> = {
    registry_urls: {
      value: Object.fromEntries(p.labs.map((l) => [l.student, value(labs[l.student], 'registry_url')])),
      description: "Each student's registry",
    },
  };
  if (mirror !== undefined) {
    out.mirror_url = {
      value: value(mirror, 'registry_url'),
      description: 'The pull-through mirror every student may use',
    };
  }
  for (const l of p.labs) {
    const o = labs[l.student];
    out[`student_${l.student}`] = {
      value: {
        registry_url: value(o, 'registry_url'),
        ...(o?.ui_url !== undefined ? { ui_url: value(o, 'ui_url') } : {}),
        ca_certificate: value(o, 'ca_certificate'),
        ca_trust_path: value(o, 'ca_trust_path'),
        user: l.student,
        password: passwordOf(o, l.student),
        ...(mirror !== undefined
          ? {
              mirror: {
                url: value(mirror, 'registry_url'),
                ca_certificate: value(mirror, 'ca_certificate'),
                user: l.student,
                password: passwordOf(mirror, l.student),
              },
            }
          : {}),
      },
      sensitive: true,
      description: `What ${l.student} needs: their registry, CA, user and password${mirror ? ', and the mirror' : ''}`,
    };
  }
  return out;
}
