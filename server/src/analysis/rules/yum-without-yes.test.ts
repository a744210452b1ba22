import { testRule } from '../testing/rule-tester';
import rule from './yum-without-yes';

testRule(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.24 && yum clean all\n',
    { name: 'hadolint: --assumeyes and -y before the subcommand', code: 'FROM centos:7\nRUN yum --assumeyes install httpd && yum -y groupinstall "Development Tools"\n' },
    { name: 'subcommands that never prompt', code: 'FROM centos:7\nRUN yum makecache && yum clean all\n' },
    { name: 'assumeyes configured', code: 'FROM centos:7\nRUN echo assumeyes=1 >> /etc/yum.conf\nRUN yum install httpd\n' },
  ],
  invalid: [
    {
      name: 'hadolint example',
      code: 'FROM centos:7\nRUN yum install httpd-2.4.24 && yum clean all\n',
      errors: [{ message: '`yum install` will wait for a confirmation no one can give in a build: use `yum install -y`', line: 2, column: 5, endColumn: 16 }],
      output: 'FROM centos:7\nRUN yum install -y httpd-2.4.24 && yum clean all\n',
    },
    {
      name: 'groupinstall, localinstall and update; an option value is not the subcommand',
      code: 'FROM centos:7\nRUN yum --enablerepo epel groupinstall tools && yum localinstall ./x.rpm && yum update\n',
      errors: [{ line: 2, column: 5 }, { line: 2 }, { line: 2 }],
      output: 'FROM centos:7\nRUN yum --enablerepo epel groupinstall -y tools && yum localinstall -y ./x.rpm && yum update -y\n',
    },
    {
      name: 'ONBUILD and CRLF',
      code: 'FROM centos:7\r\nONBUILD RUN yum remove httpd\r\n',
      errors: [{ line: 2, column: 13 }],
      output: 'FROM centos:7\r\nONBUILD RUN yum remove -y httpd\r\n',
    },
  ],
});
