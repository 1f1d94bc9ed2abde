using PdeKit.Cli;

return CliApp.Run(args);
