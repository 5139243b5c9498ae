import type { Lexicon } from './lexicon.js';

export const PT: Lexicon = {
  themes: {
    love: ['te amo', 'amo voce', 'amor', '=amo', 'coracao', 'minha vida', 'beijo', 'paixao', 'adoro', 'apaixonad'],
    gratitude: ['obrigad', 'agradec', 'grat', 'valeu', 'por tudo', 'me ensinou', 'sempre esteve'],
    encouragement: ['voce consegue', 'consegue', 'forca', 'boa sorte', 'nao desista', 'coragem', 'forte', 'confio em voce', 'acredito em voce', 'vai dar certo', 'prova', 'entrevista', 'continua', 'bora'],
    celebration: ['aniversario', 'parabens', 'feliz', 'celebr', 'festa', 'casamento', 'formatura', 'brinde', 'comemor', 'viva'],
    apology: ['desculp', 'perdao', 'perdoa', 'me perdoe', 'sinto muito', 'culpa', 'errei', 'arrepend'],
    'missing-you': ['saudade', 'sinto sua falta', 'sinto falta', 'falta de voce', 'longe', 'distancia', 'volta', 'voltar', 'lembro', 'em breve'],
    pride: ['orgulho', 'conseguiu', 'voce conseguiu', 'mandou bem', 'parabens pela', 'conquist', 'campea', 'campeao', 'admiro', 'inspira', 'heroi', 'vitoria'],
  },
  relations: {
    family: ['mae', 'mamae', 'mainha', 'pai', 'papai', 'painho', 'avo', 'vovo', 'irma', 'irmao', 'filha', 'filho', 'tia', 'tio', 'prima', 'primo', 'familia'],
    partner: ['meu amor', 'amor', 'minha vida', 'esposa', 'marido', 'namorada', 'namorado', 'mozao', 'bebe', 'querida', 'querido', 'gata', 'gato'],
    friend: ['amiga', 'amigo', 'amigos', 'amigas', 'parceiro', 'parceira', 'mano', 'mana', 'migo', 'miga'],
    team: ['equipe', 'galera', 'pessoal', 'colegas', 'turma'],
    pet: ['cachorro', 'cachorrinho', 'gatinho', 'gatinha', 'pet', 'bichinho', 'doguinho'],
    self: ['eu mesmo', 'eu mesma', 'para mim'],
  },
  stopWords: `o a os as um uma uns umas e ou de do da dos das em no na nos nas com por para pra pelo pela que se me te lhe meu minha teu
    tua seu sua e sou es foi era esta estou como quando nao ja muito tao mais mas porque eu voce ele ela oi ola querida querido este
    esta isso esse essa ha tem tenho bem`.split(/\s+/),
};
