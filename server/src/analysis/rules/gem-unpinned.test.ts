import { testRule } from '../testing/rule-tester';
import rule from './gem-unpinned';

const BUNDLER =
  'Pin `bundler` to a version (`gem install bundler -v <version>` or `bundler:<version>`): unpinned, each build installs the newest release';

testRule(rule, {
  valid: [
    // What hadolint accepts for DL3028.
    'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22\n',
    { name: '-v', code: 'FROM ruby:3.3-slim\nRUN gem install bundler -v 2.5.22\n' },
    { name: '--version=', code: 'FROM ruby:3.3-slim\nRUN gem install --version=2.5.22 bundler\n' },
    { name: '-v with a variable', code: 'FROM ruby:3.3-slim\nARG BUNDLER_VERSION\nRUN gem install bundler -v "$BUNDLER_VERSION"\n' },
    { name: 'local .gem files', code: 'FROM ruby:3.3-slim\nRUN gem install ./pkg/app-1.0.gem /tmp/other.gem\n' },
    { name: 'option values', code: 'FROM ruby:3.3-slim\nRUN gem install -i /gems -n /usr/local/bin --source https://gems.example.com rake:13.2.1\n' },
    { name: 'other subcommands', code: 'FROM ruby:3.3-slim\nRUN gem update --system && gem cleanup && bundle install\n' },
  ],
  invalid: [
    {
      code: 'FROM ruby:3.3-slim\nRUN gem install bundler\n',
      errors: [{ message: BUNDLER, line: 2, column: 17, endColumn: 24 }],
      output: null,
    },
    {
      name: 'gem i, --no-document, several gems',
      code: 'FROM ruby:3.3-slim\nRUN gem i --no-document rake:13.2.1 rails\n',
      errors: [{ message: /^Pin `rails` to a version \(`gem install rails -v <version>`/, column: 37, endColumn: 42 }],
      output: null,
    },
    {
      name: 'heredoc, ONBUILD, escape=`',
      code: '# escape=`\nFROM ruby:3.3-slim\nRUN <<EOF\ngem install bundler\nEOF\nONBUILD RUN gem install `\n    bundler\n',
      errors: [{ message: BUNDLER, line: 4, column: 13 }, { message: BUNDLER, line: 7, column: 5 }],
      output: null,
    },
  ],
});
