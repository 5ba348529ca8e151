// File modes (0600) are what these tests check: they run where Unix modes exist.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
