Console.WriteLine("nestsharp: commands are being built.");
