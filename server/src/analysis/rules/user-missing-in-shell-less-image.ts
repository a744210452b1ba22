import type { Stage } from '../model-types';
import { defineRule, type Fix } from '../rule';
import { instructionArguments } from './support/instruction-args';
import { knownUsers, mayCopyPasswd, rootImage } from './support/security-shell-less';

const NUMERIC = /^\d+$/;

export default defineRule({
  id: 'user-missing-in-shell-less-image',
  code: 'LW204',
  aliases: {},
  category: 'security',
  severity: 'warning',
  appliesTo: 'shipped-stages',
  docs: {
    summary: 'USER names a user that the shell-less base image (scratch, distroless, chiseled) does not have.',
    rationale: [
      'A user name is looked up in the image\'s /etc/passwd when the container starts. Shell-less images cannot',
      'run `useradd`, so their /etc/passwd is what the base ships: distroless and Chainguard images have `root`,',
      '`nonroot` and `nobody`, .NET chiseled images `root` and `app`, and scratch has no /etc/passwd at all. Any',
      'other name makes `docker run` fail with "unable to find user". Use a user the image has, or a numeric',
      'UID (`USER 65532:65532`), which needs no lookup.',
    ].join('\n'),
    examples: {
      invalid: [
        'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER appuser\nENTRYPOINT ["/app"]\n',
        'FROM scratch\nCOPY app /app\nUSER app\nENTRYPOINT ["/app"]\n',
      ],
      valid: [
        'FROM gcr.io/distroless/static-debian12\nCOPY app /app\nUSER nonroot\nENTRYPOINT ["/app"]\n',
        'FROM scratch\nCOPY app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n',
        'FROM golang:1.22 AS build\nRUN useradd -u 10001 app\nFROM scratch\nCOPY --from=build /etc/passwd /etc/passwd\nCOPY --from=build /app /app\nUSER app\nENTRYPOINT ["/app"]\n',
      ],
    },
    differences: 'hadolint and BuildKit have no such check. A stage that copies an /etc/passwd (or a root filesystem) in is not judged.',
  },
  fix: {
    availability: 'always',
    safety: 'unsafe',
  },
  create(context) {
    return {
      USER(user, stage) {
        if (user.onbuild || !stage.shipsLayers) return;
        const users = knownUsers(stage);
        if (users === null) return;
        const argument = instructionArguments(user)[0];
        if (!argument || argument.value.includes('$')) return;
        const [name, group] = argument.value.split(':');
        const missingName = !NUMERIC.test(name) && !users.includes(name) && !(users.length === 0 && name === 'root');
        // Groups: only scratch is certain (no /etc/group at all); distroless groups are not listed here.
        const missingGroup = users.length === 0 && group !== undefined && group !== '' && !NUMERIC.test(group) && group !== 'root';
        // Walking the stage's COPYs last: most USERs name a user the image has.
        if ((!missingName && !missingGroup) || mayCopyPasswd(stage)) return;
        const replacement = replacementUser(stage, users);
        const fix: Fix = { title: `Use USER ${replacement}`, safety: 'unsafe', edits: [{ range: argument.range, newText: replacement }] };
        context.report({
          range: argument.range,
          message: `${rootImage(stage).raw} has no ${missingName ? `user "${name}"` : `group "${group}"`} in its /etc/passwd and no shell to create one: use ${users.length > 0 ? `a user it has (${users.filter((known) => known !== 'root').join(', ')}) or ` : ''}a numeric UID such as 65532:65532`,
          fixes: [fix],
        });
      },
    };
  },
});

function replacementUser(stage: Stage, users: readonly string[]): string {
  if (users.length === 0) return '65532:65532';
  return stage.facts.nonRootUser && users.includes(stage.facts.nonRootUser) ? stage.facts.nonRootUser : '65532:65532';
}
