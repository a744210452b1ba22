import { testRule } from '../testing/rule-tester';
import rule from './suppression-not-allowed';

const forbidden = { allowSuppressions: false };

testRule(rule, {
  valid: [
    { name: 'suppressions allowed (the default): nothing to report', code: 'FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add curl\n' },
    { name: 'ordinary comments', code: '# build the app\nFROM alpine:3.20\n# hadolint shell=bash\nRUN true\n', options: forbidden },
    { name: 'check=error=true skips nothing', code: '# check=error=true\nFROM alpine:3.20\n', options: forbidden },
  ],
  invalid: [
    {
      name: 'every kind of suppression, each at its comment',
      code: [
        '# check=skip=JSONArgsRecommended',
        '# hadolint global ignore=DL3006',
        'FROM alpine:3.20',
        '# layerwise stage ignore=LW101 cache kept on purpose',
        'RUN true',
        '# layerwise ignore=LW104',
        'RUN false',
      ].join('\n'),
      options: forbidden,
      errors: [
        { line: 1, message: /silence JSONArgsRecommended for the whole file/ },
        { line: 2, message: /silence DL3006 for the whole file/ },
        { line: 4, message: /silence LW101 for the rest of the stage/ },
        { line: 6, message: /silence LW104 for the next instruction/ },
      ],
      output: null,
    },
  ],
});
