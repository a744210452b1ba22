import { testRule } from '../testing/rule-tester';
import rule from './gem-cache-in-layer';

testRule(rule, {
  valid: [
    'FROM ruby:3.3-slim\nRUN bundle install && rm -rf /usr/local/bundle/cache\n',
    'FROM ruby:3.3-slim\nRUN bundle install && rm -rf /usr/local/bundle/cache/*.gem\n',
    'FROM ruby:3.3-slim\nRUN gem install rails -v 7.1.3 && rm -rf /usr/local/bundle/cache\n',
    { name: 'cache mount', code: 'FROM ruby:3.3-slim\nRUN --mount=type=cache,target=/usr/local/bundle/cache bundle install\n' },
    { name: 'not an official ruby image: GEM_HOME unknown', code: 'FROM debian:12-slim\nRUN gem install bundler -v 2.5.9\n' },
    { name: 'BUNDLE_PATH moves the gems', code: 'FROM ruby:3.3-slim\nENV BUNDLE_PATH=/gems\nRUN bundle install\n' },
    { name: 'bundle config set path', code: 'FROM ruby:3.3-slim\nRUN bundle config set --local path vendor/bundle && bundle install\n' },
    { name: 'deployment mode', code: 'FROM ruby:3.3-slim\nRUN bundle install --deployment\n' },
    { name: 'bundle exec installs nothing', code: 'FROM ruby:3.3-slim\nRUN bundle exec rake assets:precompile\n' },
    { name: 'ONBUILD', code: 'FROM ruby:3.3-slim\nONBUILD RUN bundle install\n' },
    {
      name: 'a builder stage may keep its cache',
      code: 'FROM ruby:3.3 AS build\nRUN bundle install\nFROM ruby:3.3-slim\nCOPY --from=build /usr/local/bundle /usr/local/bundle\n',
    },
  ],
  invalid: [
    {
      name: 'bundle install',
      code: 'FROM ruby:3.3-slim\nRUN bundle install\n',
      errors: [{ message: '`bundle install` keeps the downloaded .gem archives in /usr/local/bundle/cache (a second copy of every gem) in this layer: remove them in the same RUN', column: 5, endColumn: 19 }],
      output: 'FROM ruby:3.3-slim\nRUN bundle install \\\n    && rm -rf /usr/local/bundle/cache\n',
    },
    {
      name: 'gem install, in a stage built on the ruby image',
      code: 'FROM ruby:3.3-slim AS base\nFROM base\nRUN gem install rails -v 7.1.3\n',
      errors: [{ message: /^`gem install`/ }],
      output: 'FROM ruby:3.3-slim AS base\nFROM base\nRUN gem install rails -v 7.1.3 \\\n    && rm -rf /usr/local/bundle/cache\n',
    },
    {
      name: 'bare bundle, escape=` and CRLF',
      code: '# escape=`\r\nFROM ruby:3.3\r\nRUN bundle\r\n',
      errors: [{ message: /^`bundle install`/, column: 5, endColumn: 11 }],
      output: '# escape=`\r\nFROM ruby:3.3\r\nRUN bundle `\r\n    && rm -rf /usr/local/bundle/cache\r\n',
    },
    {
      name: 'heredoc: only the cache mount is offered',
      code: 'FROM ruby:3.3\nRUN <<EOF\nbundle install\nEOF\n',
      errors: [{ line: 3 }],
      output: 'FROM ruby:3.3\nRUN --mount=type=cache,target=/usr/local/bundle/cache <<EOF\nbundle install\nEOF\n',
    },
  ],
});
