Console.WriteLine("virtual card");
