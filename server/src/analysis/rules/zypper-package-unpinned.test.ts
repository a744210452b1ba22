import { testRule } from '../testing/rule-tester';
import rule from './zypper-package-unpinned';

const CURL = 'Pin `curl` to a version (`curl=<version>`): unpinned, each build installs whatever the repository has that day';

testRule(rule, {
  valid: [
    // What hadolint accepts for DL3037.
    "FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.6.0 'git>=2.43' 'vim<10' /tmp/app.rpm\n",
    { name: 'name-version', code: 'FROM opensuse/leap:15.6\nRUN zypper in -y curl-8.6.0\n' },
    { name: 'a pattern install', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y -t pattern devel_basis\n' },
    { name: 'typed names', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y pattern:devel_basis\n' },
    { name: 'global option values', code: 'FROM opensuse/leap:15.6\nRUN zypper --root /mnt -D /etc/zypp/repos.d install -y curl=8.6.0\n' },
    { name: 'install option values', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y -r oss --from repo-oss curl=8.6.0\n' },
    { name: 'variables', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y "curl=$V" $PACKAGES\n' },
  ],
  invalid: [
    {
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean --all\n',
      errors: [{ message: CURL, line: 2, column: 23, endColumn: 27 }],
      output: null,
    },
    {
      name: 'global -t is --terse, and -D after the subcommand is --dry-run',
      code: 'FROM opensuse/leap:15.6\nRUN zypper -t --non-interactive in -D curl\n',
      errors: [{ message: CURL, column: 39 }],
      output: null,
    },
    {
      name: '-t package still installs packages',
      code: 'FROM opensuse/leap:15.6\nRUN zypper in -y -t package curl\n',
      errors: [{ message: CURL, column: 29 }],
      output: null,
    },
    {
      name: 'heredoc, ONBUILD, escape=`',
      code: '# escape=`\nFROM opensuse/leap:15.6\nRUN <<EOF\nzypper install -y curl\nEOF\nONBUILD RUN zypper in `\n    curl\n',
      errors: [{ message: CURL, line: 4, column: 19 }, { message: CURL, line: 7, column: 5 }],
      output: null,
    },
  ],
});
