import { testRule } from '../testing/rule-tester';
import rule from './composer-cache-in-layer';

const BASE = 'FROM php:8.3-fpm\nCOPY --from=composer:2 /usr/bin/composer /usr/bin/composer\n';

testRule(rule, {
  valid: [
    `${BASE}RUN composer install --no-dev && composer clear-cache\n`,
    `${BASE}RUN composer install --no-dev --no-cache\n`,
    `${BASE}RUN composer install && rm -rf /root/.composer/cache\n`,
    `${BASE}RUN composer install && rm -rf ~/.cache/composer\n`,
    { name: 'php composer.phar with clearcache', code: 'FROM php:8.3-cli\nRUN php composer.phar install && php composer.phar clearcache\n' },
    { name: 'COMPOSER_CACHE_DIR moves the cache', code: `${BASE}ENV COMPOSER_CACHE_DIR=/dev/null\nRUN composer install\n` },
    { name: 'cache mount', code: `${BASE}RUN --mount=type=cache,target=/root/.cache/composer composer install\n` },
    { name: 'composer dump-autoload downloads nothing', code: `${BASE}RUN composer dump-autoload --optimize\n` },
    { name: 'removing the composer binary is not a cleanup, but the install was cleaned', code: `${BASE}RUN composer install --no-cache && rm /usr/bin/composer\n` },
    { name: 'ONBUILD', code: `${BASE}ONBUILD RUN composer install\n` },
    {
      name: 'a builder stage may keep its cache',
      code: 'FROM composer:2 AS vendor\nRUN composer install --no-dev\nFROM php:8.3-fpm\nCOPY --from=vendor /app/vendor /var/www/vendor\n',
    },
  ],
  invalid: [
    {
      name: 'composer install',
      code: `${BASE}RUN composer install --no-dev\n`,
      errors: [{ message: '`composer install` keeps Composer’s download cache (about the size of vendor/) in this layer: end the RUN with `composer clear-cache`', line: 3, column: 5, endColumn: 21 }],
      output: `${BASE}RUN composer install --no-dev \\\n    && composer clear-cache\n`,
    },
    {
      name: 'php composer.phar: the clear-cache goes through php too',
      code: 'FROM php:8.3-cli\nRUN php composer.phar require monolog/monolog:3.6.0\n',
      errors: [{ message: /^`composer require`/, column: 9, endColumn: 30 }],
      output: 'FROM php:8.3-cli\nRUN php composer.phar require monolog/monolog:3.6.0 \\\n    && php composer.phar clear-cache\n',
    },
    {
      name: 'removing the binary does not remove the cache',
      code: `${BASE}RUN composer install && rm /usr/bin/composer\n`,
      errors: [{ line: 3 }],
      output: `${BASE}RUN composer install && rm /usr/bin/composer \\\n    && composer clear-cache\n`,
    },
    {
      name: 'escape=` and CRLF',
      code: `${BASE}RUN composer install\n`.replace('FROM', '# escape=`\nFROM').replace(/\n/g, '\r\n'),
      errors: [{ line: 4 }],
      output: `# escape=\`\r\n${BASE.replace(/\n/g, '\r\n')}RUN composer install \`\r\n    && composer clear-cache\r\n`,
    },
    {
      name: 'exec form: reported, not rewritten',
      code: `${BASE}RUN ["composer", "install"]\n`,
      errors: [{ line: 3 }],
      output: null,
    },
  ],
});
