using System.CommandLine;
using Bansos.Agent.Messages;
using Bansos.PcSc;
using Spectre.Console;

namespace Bansos.Agent.Cli;

/// <summary><c>readers</c>: the card readers this PC has and whether a card is in each.</summary>
public static class ReadersCommand
{
    public static Command Create(AgentIo io)
    {
        var command = new Command("readers", "Daftar pembaca kartu (list card readers)");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse, io, (context, _) => Task.FromResult(Run(context)), ct));
        return command;
    }

    private static int Run(AgentContext context)
    {
        using var pcsc = PcScContext.Establish();
        var readers = pcsc.ListReaders().Select(name => (Name: name, Present: pcsc.GetStatus(name).CardPresent)).ToList();
        if (context.IsJson)
        {
            context.WriteJson(new { readers = readers.Select(r => new { name = r.Name, cardPresent = r.Present }) });
            return readers.Count == 0 ? ExitCodes.ReaderProblem : ExitCodes.Done;
        }
        if (readers.Count == 0)
        {
            context.Tell(Notice.Warning(Msg.NoReader));
            return ExitCodes.ReaderProblem;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(Markup.Escape(MessageCatalog.Render(Msg.LabelReader, context.Language)))
            .AddColumn(Markup.Escape(MessageCatalog.Render(Msg.LabelCard, context.Language)));
        foreach (var (name, present) in readers)
            table.AddRow(Markup.Escape(name), Markup.Escape(MessageCatalog.Render(present ? Msg.StatusCardPresent : Msg.StatusReaderEmpty, context.Language)));
        context.Io.Console.Write(table);
        return ExitCodes.Done;
    }
}
