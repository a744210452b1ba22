import { testRule } from '../testing/rule-tester';
import rule from './zypper-cache-not-cleaned';

testRule(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean\n',
    'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.4 && zypper cc\n',
    'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in httpd && zypper clean --all\n',
    'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && rm -rf /var/cache/zypp/*\n',
    { name: 'cache mount', code: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb\n' },
    { name: 'tmpfs mount', code: 'FROM opensuse/leap:15.6\nRUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb\n' },
    { name: 'zypper remove fetches nothing', code: 'FROM opensuse/leap:15.6\nRUN zypper remove -y vim\n' },
    { name: 'ONBUILD', code: 'FROM opensuse/leap:15.6\nONBUILD RUN zypper install -y httpd\n' },
  ],
  invalid: [
    {
      name: 'install without clean: clean --all appended, cache mount offered second',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.4\n',
      errors: [{ message: '`zypper install` keeps the repository metadata (tens of MB) in this layer: end the RUN with `zypper clean --all`', column: 5, endColumn: 19 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.4 \\\n    && zypper clean --all\n',
    },
    {
      name: 'a clean before the install does not count',
      code: 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper install -y mariadb=10.4\n',
      errors: [{ column: 21 }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper install -y mariadb=10.4 \\\n    && zypper clean --all\n',
    },
    {
      name: 'global options before the subcommand',
      code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive --root /mnt dup\n',
      errors: [{ message: /^`zypper dup`/ }],
      output: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive --root /mnt dup \\\n    && zypper clean --all\n',
    },
    {
      name: 'exec form: only the cache mount is offered',
      code: 'FROM opensuse/leap:15.6\nRUN ["zypper", "install", "-y", "httpd"]\n',
      errors: [{ line: 2 }],
      output: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp ["zypper", "install", "-y", "httpd"]\n',
    },
    {
      name: 'heredoc: only the cache mount is offered',
      code: 'FROM opensuse/leap:15.6\nRUN <<EOF\nzypper install -y httpd\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp <<EOF\nzypper install -y httpd\nEOF\n',
    },
    {
      name: 'no cache mount when the RUN runs as another user',
      code: 'FROM opensuse/leap:15.6\nUSER app\nRUN ["zypper", "install", "-y", "httpd"]\n',
      errors: [{ line: 3 }],
      output: null,
    },
  ],
});
