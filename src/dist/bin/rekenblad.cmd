@REM rekenblad: starts the program of this installation (bin\ beside lib\). Needs Java 17 or newer: the runtime\
@REM folder of the self-contained image, else JAVA_HOME, else java on the PATH. (Not tested on Windows here.)
@echo off
setlocal
set "REKENBLAD_HOME=%~dp0.."
if exist "%REKENBLAD_HOME%\runtime\bin\java.exe" (
  set "JAVACMD=%REKENBLAD_HOME%\runtime\bin\java.exe"
) else if defined JAVA_HOME (
  set "JAVACMD=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVACMD=java.exe"
)
"%JAVACMD%" -version >nul 2>&1
if errorlevel 1 (
  echo rekenblad: geen Java gevonden. Installeer Java 17 of nieuwer, bijvoorbeeld Eclipse Temurin via https://adoptium.net, 1>&2
  echo rekenblad: of zet JAVA_HOME op de map van een Java-installatie. 1>&2
  exit /b 3
)
"%JAVACMD%" -XX:TieredStopAtLevel=1 %REKENBLAD_JAVA_OPTS% -cp "%REKENBLAD_HOME%\lib\rekenblad.jar" nl.rekenblad.cli.Main %*
exit /b %ERRORLEVEL%
