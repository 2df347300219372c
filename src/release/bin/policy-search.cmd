@echo off
rem policy-search for Windows (untested: see README.md). Needs Java 21 or newer: the runtime\ folder of a
rem release that bundles one, else JAVA_HOME, else java on the PATH. Settings: policy-search.properties here.
setlocal
set "PS_HOME=%~dp0.."
set "PS_JAVA=java"
if defined JAVA_HOME set "PS_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%PS_HOME%\runtime\bin\java.exe" set "PS_JAVA=%PS_HOME%\runtime\bin\java.exe"
if not defined POLICY_SEARCH_JAVA_OPTS set "POLICY_SEARCH_JAVA_OPTS=-Xmx1g"
"%PS_JAVA%" %POLICY_SEARCH_JAVA_OPTS% -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 --enable-native-access=ALL-UNNAMED "-Djava.util.logging.config.file=%PS_HOME%\bin\logging.properties" "-Dpolicysearch.home=%PS_HOME%" -cp "%PS_HOME%\lib\*" org.policysearch.cli.Main %*
exit /b %ERRORLEVEL%
