namespace Bansos.Registry.Domain.Pilot;

/// <summary>
/// Name pools for synthetic people of Bengkulu Utara: Javanese names (transmigrant villages such as
/// Giri Kencana), Rejang/Malay/Sumatran names, and the names children born since 2000 are given.
/// Some carry an apostrophe, as real names do.
/// </summary>
internal static class PilotNames
{
    public static readonly string[] JavaneseMen =
    [
        "Sutrisno", "Slamet", "Suparman", "Sugiyanto", "Paiman", "Sukardi", "Mulyono", "Wagiman", "Suyanto",
        "Tukiran", "Parjo", "Sarino", "Joko Susilo", "Bambang Irawan", "Budi Santoso", "Heru Prasetyo",
        "Eko Wahyudi", "Teguh Santoso", "Sugeng Riyadi", "Wahyu Hidayat", "Edi Purnomo", "Dwi Cahyono",
        "Sumarno", "Giyono", "Katimin", "Warsito", "Suroso", "Tugiman", "Samiran", "Ngadiman", "Supriyadi",
        "Mujiono", "Kasiran", "Sodikin", "Ponijan", "Sunarto",
    ];

    public static readonly string[] JavaneseWomen =
    [
        "Sumarni", "Wartini", "Suyati", "Partini", "Tumini", "Sri Wahyuni", "Siti Aminah", "Sulastri", "Ngatini",
        "Sumiati", "Suparmi", "Tri Wahyuni", "Endang Lestari", "Puji Astuti", "Sri Rahayu", "Kasmini", "Jumiati",
        "Rukmini", "Sarinah", "Wagiyem", "Sutini", "Rubiyah", "Marsini", "Warsiyah", "Siti Khotijah", "Mujiati",
    ];

    public static readonly string[] SumatranMen =
    [
        "Syamsul Bahri", "Zulkifli", "Darwis", "Herman", "Yusran", "Rusli", "Amran", "Jamaludin", "Nasrul",
        "Ramli", "Sahril", "Marzuki", "Hendri", "Firdaus", "Irwan Saputra", "Junaidi", "Khairul Anwar",
        "Hasanudin", "Baharudin", "Nurdin", "Asnawi", "Rahmat Hidayat", "Jon Heri", "Ujang", "Edwar", "Alfian",
        "Zainal Arifin", "Abdul Rahman", "Syafrudin", "Abu Bakar", "Helmi", "Darmadi", "Rozali", "Ruslan",
        "Sapri", "Ma'ruf", "Supran Jum'at", "Syahbudin", "Tarmizi", "Yulizar",
    ];

    public static readonly string[] SumatranWomen =
    [
        "Rohani", "Yusnidar", "Nurhayati", "Rosmawati", "Lismawati", "Halimah", "Maryani", "Juwita", "Ernawati",
        "Nurjanah", "Fatimah", "Yurnalis", "Asmawati", "Darmawati", "Erlina", "Herlina", "Nurlela", "Syafriani",
        "Zubaidah", "Mardiana", "Elvi Yanti", "Leni Marlina", "Rita Wati", "Yeni Rahmawati", "Nur'aini",
        "Ma'rifah", "Desmawati", "Yusmaniar", "Rosnaini", "Aswita",
    ];

    public static readonly string[] Boys =
    [
        "Rizky Saputra", "Dimas Pratama", "Aditya Nugroho", "Fajar Ramadhan", "Muhammad Ilham", "Ahmad Fauzan",
        "Bagus Setiawan", "Dani Kurniawan", "Reza Pahlevi", "Arif Rahman", "Yoga Pratama", "Rendi Saputra",
        "Andika Putra", "Farhan Akbar", "Hafiz Alfarizi", "Rafa Alvaro", "Galih Prakoso", "Bayu Anggara",
        "Wahyu Nugraha", "Ridho Ilahi", "Fikri Haikal", "Alif Maulana", "Satria Wibowo", "Zaki Mubarak",
        "Rafi Ananda", "Muhammad Rizki", "Agung Prasetyo", "Ilham Syahputra", "Nanda Pratama", "Rio Febrian",
    ];

    public static readonly string[] Girls =
    [
        "Putri Ayu Lestari", "Dwi Saputri", "Nabila Putri", "Siti Nurhaliza", "Aulia Rahma", "Anisa Fitri",
        "Dewi Safitri", "Indah Permatasari", "Rahmawati", "Sinta Bella", "Nadia Salsabila", "Zahra Aulia",
        "Tiara Anggraini", "Wulan Sari", "Ayu Wandira", "Citra Kirana", "Fitri Handayani", "Nurul Hidayah",
        "Khairunnisa", "Salsabila Ramadhani", "Intan Permata", "Melati Suci", "Cahaya Ramadhani",
        "Keisha Azzahra", "Aisyah Putri", "Mutia Sari", "Riska Amelia", "Yulia Fitriani",
    ];

    public static readonly string[] OldMen =
    [
        "Kartorejo", "Sastro Wiyono", "Marto Sentono", "Wiryo Sudarmo", "Abdul Hamid", "Muhammad Yunus",
        "Ibrahim", "Ismail", "Usman", "Dulah", "Sakimin", "Rasyid",
    ];

    public static readonly string[] OldWomen =
    [
        "Painem", "Tukinem", "Saminah", "Juminten", "Siti Hawa", "Maimunah", "Aminah", "Sa'diyah", "Rukiah",
        "Salmah", "Ponirah", "Kamsiah",
    ];

    public static readonly string[] Streets =
    [
        "Jl. Lintas Barat", "Jl. Poros Desa", "Jl. Transmigrasi", "Jl. Pendidikan", "Jl. Masjid", "Jl. Sawit Indah",
        "Jl. Pantai", "Jl. Kebun Karet", "Jl. Balai Desa", "Jl. Simpang Tiga",
    ];

    public static readonly string[] Hamlets = ["Dusun I", "Dusun II", "Dusun III", "Dusun IV"];
}
